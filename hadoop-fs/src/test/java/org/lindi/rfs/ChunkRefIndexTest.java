package org.lindi.rfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.zarr.ChunkGrid;

/**
 * The index of an array's chunk refs by grid position finds exactly the refs a lookup of each
 * chunk's key finds: canonical keys of the array's own grid, nothing else.
 */
@Timeout(20)
class ChunkRefIndexTest {

  @Test
  void findsEveryChunkALookupOfItsKeyFinds() {
    ChunkGrid grid = new ChunkGrid(new long[] {1000, 50}, new int[] {10, 20}, '.');
    Random rnd = new Random(7);
    ReferenceFileSystem.Builder b = ReferenceFileSystem.builder();
    for (long i = 0; i < grid.gridShape(0); i++) {
      for (long j = 0; j < grid.gridShape(1); j++) {
        if (rnd.nextInt(5) > 0) { // some chunks have no ref
          b.put("a/b/" + i + "." + j, ChunkRef.range("f" + (i % 3) + ".bin", i * 1000 + j, 100 + j));
        }
      }
    }
    b.put("a/b/7.1", ChunkRef.inline(new byte[] {1, 2, 3}));
    // not chunks of this grid: other arrays, leading zeros, out of the grid, wrong separator or rank
    for (String k : new String[] {"a/b/07.1", "a/b/100.0", "a/b/5.3", "a/b/5/1", "a/b/5", "a/b/5.1.0",
        "a/b/-1.0", "a/b/x", "a/bc/1.0", "a/b/c/1.0", "a/1.0"}) {
      b.put(k, ChunkRef.range("other.bin", 0, 1));
    }
    ReferenceFileSystem rfs = b.build();

    ChunkRefIndex ix = rfs.chunkRefIndex("a/b", grid.gridShape(), '.');

    assertEquals(grid.numChunks(), ix.chunks());
    int found = 0;
    for (long cell = 0; cell < grid.numChunks(); cell++) {
      ChunkRef expected = rfs.get("a/b/" + grid.chunkKey(grid.coordsOf(cell)));
      int ref = ix.find(cell);
      assertEquals(expected == null, ref < 0, "chunk " + cell);
      if (expected != null) {
        found++;
        assertEquals(expected, ix.ref(ref), "chunk " + cell);
        assertEquals(expected.isInline(), ix.isInline(ref));
        if (!expected.isInline()) {
          assertEquals(expected.url(), ix.url(ref));
          assertEquals(expected.offset(), ix.offset(ref));
          assertEquals(expected.length(), ix.length(ref));
        } else {
          assertArrayEquals(expected.inlineBytes(), ix.inlineBytes(ref));
        }
      }
    }
    assertTrue(found > grid.numChunks() / 2);
    assertEquals(-1, ix.find(-1));
    assertEquals(-1, ix.find(grid.numChunks()));
  }

  @Test
  void aGridFarLargerThanItsRefsIsIndexedSparsely() {
    long[] gridShape = {1_000_000_000L, 3};
    ReferenceFileSystem rfs = ReferenceFileSystem.builder()
        .put("x/999999999/2", ChunkRef.range("f", 1, 2))
        .put("x/5/0", ChunkRef.range("f", 3, 4))
        .put("x/10/1", ChunkRef.range("f", 5, 6))
        .build();

    ChunkRefIndex ix = rfs.chunkRefIndex("x", gridShape, '/');

    assertTrue(ix.toString().contains("sparse"), ix.toString());
    assertEquals(3, ix.ref(ix.find(5 * 3L)).offset());
    assertEquals(5, ix.ref(ix.find(10 * 3L + 1)).offset());
    assertEquals(1, ix.ref(ix.find(999_999_999L * 3 + 2)).offset());
    assertEquals(-1, ix.find(5 * 3L + 1));
    assertEquals(-1, ix.find(0));
  }

  @Test
  void aScalarArrayHasOneChunkKeyedZero() {
    ReferenceFileSystem rfs = ReferenceFileSystem.builder()
        .put("s/0", ChunkRef.inline(new byte[] {9}))
        .put("t/00", ChunkRef.inline(new byte[] {8}))
        .build();

    assertFalse(rfs.chunkRefIndex("s", new long[0], '.').find(0) < 0);
    assertEquals(-1, rfs.chunkRefIndex("t", new long[0], '.').find(0));
  }

  @Test
  void keyDigitsParseInPlace() {
    byte[] k = "12.0.345".getBytes(StandardCharsets.US_ASCII);
    assertEquals((12 * 10 + 0) * 1000 + 345, ChunkRefIndex.cellOf(k, 0, k.length, new long[] {20, 10, 1000}, '.'));
    assertEquals(-1, ChunkRefIndex.cellOf(k, 0, k.length, new long[] {12, 10, 1000}, '.'));
    byte[] huge = "99999999999999999999999.0".getBytes(StandardCharsets.US_ASCII);
    assertEquals(-1, ChunkRefIndex.cellOf(huge, 0, huge.length, new long[] {Long.MAX_VALUE, 1}, '.'));
  }
}
