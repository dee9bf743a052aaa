package org.lindi.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A byte range of a file, -1 meaning to its end. */
@Timeout(5)
class FileRangeTest {
  private static final Path P = new Path("file:/data/x.lindi.tar");

  @Test
  void isAValue() {
    assertEquals(new FileRange(P, 512, 100), new FileRange(new Path("file:/data/x.lindi.tar"), 512, 100));
    assertEquals(new FileRange(P, 512, 100).hashCode(), new FileRange(P, 512, 100).hashCode());
    assertNotEquals(new FileRange(P, 512, 100), new FileRange(P, 512, 101));
    assertEquals("file:/data/x.lindi.tar[512, 612)", new FileRange(P, 512, 100).toString());
    assertEquals("file:/data/x.lindi.tar[0, EOF)", FileRange.wholeFile(P).toString());
    assertTrue(FileRange.wholeFile(P).isToEnd());
  }

  @Test
  void rejectsNegativeOffsetsAndLengths() {
    assertThrows(IllegalArgumentException.class, () -> new FileRange(P, -1, 5));
    assertThrows(IllegalArgumentException.class, () -> new FileRange(P, 0, -2));
    assertThrows(NullPointerException.class, () -> new FileRange(null, 0, 1));
  }
}
