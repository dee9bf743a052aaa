package org.lindi.chunk;

/**
 * Copies the part of a decoded chunk that falls inside a box {@code [start, start + count)} of the
 * array into a C-order buffer of the box, one contiguous run of the last axis at a time.
 */
public final class Hyperslab {
  private final long[] start;
  private final long[] count;

  public Hyperslab(long[] start, long[] count) {
    this.start = start.clone();
    this.count = count.clone();
  }

  /** Number of elements in the box. */
  public long elements() {
    long n = 1;
    for (long c : count) {
      n *= c;
    }
    return n;
  }

  /** Copies bytes of {@code chunk} (origin {@code chunkStart}) into {@code dst} (the box's buffer). */
  public void copy(DecodedChunk chunk, long[] chunkStart, int itemSize, byte[] dst) {
    byte[] src = chunk.bytes().array();
    int srcBase = chunk.bytes().offset();
    walk(chunk.shape(), chunkStart, (srcIndex, dstIndex, run) -> System.arraycopy(
        src, srcBase + (int) (srcIndex * itemSize), dst, (int) (dstIndex * itemSize), run * itemSize));
  }

  /** Copies objects of {@code chunk} (origin {@code chunkStart}) into {@code dst}. */
  public void copy(DecodedChunk chunk, long[] chunkStart, Object[] dst) {
    Object[] src = chunk.objects();
    walk(chunk.shape(), chunkStart,
        (srcIndex, dstIndex, run) -> System.arraycopy(src, (int) srcIndex, dst, (int) dstIndex, run));
  }

  /** A run of {@code run} elements from chunk index {@code srcIndex} to box index {@code dstIndex}. */
  private interface RunSink {
    void run(long srcIndex, long dstIndex, int run);
  }

  private void walk(int[] chunkShape, long[] chunkStart, RunSink sink) {
    int rank = start.length;
    if (rank == 0) {
      sink.run(0, 0, 1);
      return;
    }
    long[] lo = new long[rank];
    long[] hi = new long[rank];
    for (int k = 0; k < rank; k++) {
      lo[k] = Math.max(start[k], chunkStart[k]);
      hi[k] = Math.min(start[k] + count[k], chunkStart[k] + chunkShape[k]);
      if (lo[k] >= hi[k]) {
        return;
      }
    }
    int run = (int) (hi[rank - 1] - lo[rank - 1]);
    long[] idx = lo.clone();
    while (true) {
      long s = 0;
      long d = 0;
      for (int k = 0; k < rank; k++) {
        s = s * chunkShape[k] + (idx[k] - chunkStart[k]);
        d = d * count[k] + (idx[k] - start[k]);
      }
      sink.run(s, d, run);
      int k = rank - 2;
      while (k >= 0) {
        if (++idx[k] < hi[k]) {
          break;
        }
        idx[k] = lo[k];
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }
}
