package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.codec.ByteSlice;

/** Slices carved from one reusable buffer, which grows at a reset to what the reads needed. */
@Timeout(10)
class ReadArenaTest {
  @Test
  void slicesFollowEachOtherInOneBuffer() {
    ReadArena a = new ReadArena();
    a.reserve(100);
    ByteSlice x = a.allocate(30);
    ByteSlice y = a.allocate(70);
    assertSame(x.array(), y.array());
    assertEquals(0, x.offset());
    assertEquals(30, y.offset());
    assertEquals(112, a.capacity(), "an eighth more than asked");
  }

  @Test
  void aReadBeyondTheBufferGetsItsOwnArrayAndTheBufferGrowsAtTheReset() {
    ReadArena a = new ReadArena();
    a.reserve(48);
    assertEquals(54, a.capacity());
    ByteSlice x = a.allocate(40);
    ByteSlice y = a.allocate(40);
    assertNotSame(x.array(), y.array());
    assertEquals(40, y.array().length);
    a.reset();
    assertEquals(90, a.capacity(), "grown to what both reads needed, and an eighth");
    ByteSlice z = a.allocate(80);
    assertEquals(90, z.array().length);
    assertEquals(0, z.offset());
  }

  @Test
  void reserveNeverShrinksAndDoesNotMoveLiveSlices() {
    ReadArena a = new ReadArena();
    a.reserve(100);
    a.reserve(10);
    a.reserve(110);
    assertEquals(112, a.capacity());
    ByteSlice x = a.allocate(10);
    a.reserve(1000); // slices are live: the buffer stays until the next reset
    assertSame(x.array(), a.allocate(10).array());
    assertEquals(112, a.capacity());
  }
}
