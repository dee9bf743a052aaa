package org.lindi.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.lindi.codec.ByteSlice;

/** A box copied chunk by chunk equals the same box cut from the whole array directly. */
class HyperslabTest {
  private final Random random = new Random(42);

  @RepeatedTest(50)
  void chunkwiseCopyEqualsDirectCut() {
    int rank = 1 + random.nextInt(4);
    long[] shape = new long[rank];
    int[] chunks = new int[rank];
    long[] start = new long[rank];
    long[] count = new long[rank];
    for (int k = 0; k < rank; k++) {
      shape[k] = 1 + random.nextInt(9);
      chunks[k] = 1 + random.nextInt(4);
      start[k] = random.nextInt((int) shape[k]);
      count[k] = 1 + random.nextInt((int) (shape[k] - start[k]));
    }
    int total = 1;
    for (long s : shape) {
      total *= (int) s;
    }
    byte[] whole = new byte[total];
    for (int i = 0; i < total; i++) {
      whole[i] = (byte) i;
    }
    Hyperslab slab = new Hyperslab(start, count);
    byte[] out = new byte[(int) slab.elements()];
    long[] grid = new long[rank];
    for (int k = 0; k < rank; k++) {
      grid[k] = (shape[k] + chunks[k] - 1) / chunks[k];
    }
    long numChunks = 1;
    for (long g : grid) {
      numChunks *= g;
    }
    for (long c = 0; c < numChunks; c++) {
      long[] coords = new long[rank];
      long rem = c;
      for (int k = rank - 1; k >= 0; k--) {
        coords[k] = rem % grid[k];
        rem /= grid[k];
      }
      long[] origin = new long[rank];
      for (int k = 0; k < rank; k++) {
        origin[k] = coords[k] * chunks[k];
      }
      byte[] chunk = cut(whole, shape, origin, chunks);
      DecodedChunk dc = new DecodedChunk(coords, chunks, ByteSlice.of(chunk), null, false);
      slab.copy(dc, origin, 1, out);
    }
    assertArrayEquals(cut(whole, shape, start, toInts(count)), out);
  }

  private static int[] toInts(long[] a) {
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (int) a[i];
    }
    return out;
  }

  /** The box at origin of extent ext (values past the array's edge are 0), in C order. */
  private static byte[] cut(byte[] whole, long[] shape, long[] origin, int[] ext) {
    int n = 1;
    for (int e : ext) {
      n *= e;
    }
    byte[] out = new byte[n];
    int[] idx = new int[ext.length];
    for (int i = 0; i < n; i++) {
      long flat = 0;
      boolean inside = true;
      for (int k = 0; k < ext.length; k++) {
        long pos = origin[k] + idx[k];
        inside &= pos < shape[k];
        flat = flat * shape[k] + pos;
      }
      out[i] = inside ? whole[(int) flat] : 0;
      for (int k = ext.length - 1; k >= 0; k--) {
        if (++idx[k] < ext[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
    return out;
  }
}
