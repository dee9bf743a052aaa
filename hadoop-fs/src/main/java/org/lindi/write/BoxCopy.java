package org.lindi.write;

/**
 * Copies a box of elements between two C-order buffers of different shapes, one contiguous run
 * of the last axis at a time.
 */
final class BoxCopy {
  private BoxCopy() {}

  /**
   * Copies the box of extent {@code count} at {@code srcStart} of {@code src} (shape
   * {@code srcShape}) to {@code dstStart} of {@code dst} (shape {@code dstShape}).
   */
  static void copy(byte[] src, long[] srcShape, long[] srcStart, byte[] dst, long[] dstShape,
      long[] dstStart, long[] count, int itemSize) {
    int rank = count.length;
    for (long c : count) {
      if (c == 0) {
        return;
      }
    }
    if (rank == 0) {
      System.arraycopy(src, 0, dst, 0, itemSize);
      return;
    }
    long[] srcStride = strides(srcShape);
    long[] dstStride = strides(dstShape);
    int run = (int) (count[rank - 1] * itemSize);
    long[] idx = new long[rank];
    while (true) {
      long s = 0;
      long d = 0;
      for (int k = 0; k < rank; k++) {
        s += (srcStart[k] + idx[k]) * srcStride[k];
        d += (dstStart[k] + idx[k]) * dstStride[k];
      }
      System.arraycopy(src, (int) (s * itemSize), dst, (int) (d * itemSize), run);
      int k = rank - 2;
      while (k >= 0) {
        if (++idx[k] < count[k]) {
          break;
        }
        idx[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }

  /** Element strides of a C-order array. */
  static long[] strides(long[] shape) {
    long[] s = new long[shape.length];
    long acc = 1;
    for (int k = shape.length - 1; k >= 0; k--) {
      s[k] = acc;
      acc *= shape[k];
    }
    return s;
  }
}
