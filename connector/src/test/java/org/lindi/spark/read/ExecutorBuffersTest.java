package org.lindi.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.codec.DecodeContext;
import org.lindi.io.ReadArena;

/** Buffers given back by a finished reader are what the next reader takes, their sizes kept. */
@Timeout(10)
class ExecutorBuffersTest {
  @Test
  void anArenaGivenBackIsTakenNextWithItsBufferAndNoLiveSlices() {
    ReadArena a = ExecutorBuffers.arena();
    a.reserve(1 << 20);
    ExecutorBuffers.giveBack(a);
    ReadArena b = ExecutorBuffers.arena();
    assertSame(a, b, "the most recently given back first");
    assertEquals((1 << 20) + (1 << 17), b.capacity());
    ReadArena c = ExecutorBuffers.arena();
    assertNotSame(b, c, "an arena is handed to one reader at a time");
    ExecutorBuffers.giveBack(c);
    ExecutorBuffers.giveBack(b);
  }

  @Test
  void aDecodeContextGivenBackKeepsItsScratch() {
    DecodeContext d = ExecutorBuffers.decodeContext();
    byte[] scratch = d.prepare(1 << 20, -1).scratch(1 << 16);
    ExecutorBuffers.giveBack(d);
    DecodeContext e = ExecutorBuffers.decodeContext();
    assertSame(d, e);
    assertSame(scratch, e.prepare(1 << 20, -1).scratch(1 << 16));
    ExecutorBuffers.giveBack(e);
  }
}
