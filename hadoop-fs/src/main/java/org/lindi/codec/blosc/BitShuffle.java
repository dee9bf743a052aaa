package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.getLong;
import static org.lindi.codec.blosc.LittleEndian.putLong;

/**
 * Blosc's bit shuffle of one block (the bitshuffle library's layout): for byte {@code j} and bit
 * {@code k} of the elements, a row of {@code n / 8} bytes holding that bit of every element, rows
 * ordered {@code j * 8 + k}. c-blosc 1.21 bit-shuffles a block only when its element count is a
 * multiple of 8 (otherwise the block is stored as is) and never shuffles the bytes past the last
 * whole element. Works as a byte shuffle into planes plus an 8x8 bit transpose per 8 elements,
 * slice by slice of the block.
 */
final class BitShuffle {
  /**
   * Bit-row bytes (8 elements each) handled per pass: each pass goes through a few intermediate
   * arrays, so a slice (8192 elements) keeps them in L1/L2 however large the block; c-blosc's
   * automatic blocks of 4-byte items reach 1 MB. Loops stay long enough for the JIT's fixed cost
   * per loop entry not to matter.
   */
  static final int SLICE_COLUMNS = 1024;

  private BitShuffle() {}

  /**
   * Bit rows in {@code src} to elements in {@code dst}; {@code tmp} (at {@code t}) holds
   * {@link #scratchBytes} bytes of intermediate byte planes. The three regions must not overlap.
   */
  static void unshuffle(
      int typesize, int size, byte[] src, int s, byte[] dst, int d, byte[] tmp, int t) {
    int n = size / typesize;
    if (n % 8 != 0) {
      System.arraycopy(src, s, dst, d, size);
      return;
    }
    int rowBytes = n / 8;
    if (typesize == 2 || typesize == 4) {
      unshuffleViaLongs(typesize, n, src, s, dst, d);
      System.arraycopy(src, s + n * typesize, dst, d + n * typesize, size - n * typesize);
      return;
    }
    for (int c0 = 0; c0 < rowBytes; c0 += SLICE_COLUMNS) {
      int columns = Math.min(SLICE_COLUMNS, rowBytes - c0);
      int elements = 8 * columns;
      byte[] planes = typesize == 1 ? dst : tmp;
      int p = typesize == 1 ? d + 8 * c0 : t;
      int whole = columns / 8;
      for (int j = 0; j < typesize; j++) {
        int rows = s + j * n + c0;
        int out = p + j * elements;
        // 8 columns of the 8 bit rows at a time, then the columns left over one by one
        ByteShuffle.transposeBlocks(src, rows, rowBytes, 8, planes, out, 8, 64, whole);
        for (int g = whole * 8; g < columns; g++) {
          long x = 0;
          for (int k = 0; k < 8; k++) {
            x |= (src[rows + g + k * rowBytes] & 0xFFL) << (8 * k);
          }
          putLong(planes, out + 8 * g, x);
        }
      }
      transposeBits(planes, p, typesize * elements);
      if (typesize > 1) {
        ByteShuffle.unshuffleElements(typesize, elements, tmp, t, dst, d + 8 * c0 * typesize);
      }
    }
    int whole = n * typesize;
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
  }

  /** Per-thread scratch of {@link #unshuffleViaLongs}: a slice's bit-transposed planes. */
  private static final ThreadLocal<long[]> PLANES =
      ThreadLocal.withInitial(() -> new long[4 * SLICE_COLUMNS]);

  /**
   * {@link #unshuffle} of {@code n} (a multiple of 8) elements of 2 or 4 bytes, slice by slice
   * through a {@code long[]} rather than a {@code byte[]} read as longs through a VarHandle: the
   * 8x8 bit transposes become a plain loop over array elements, which the JIT's superword pass can
   * vectorise, and the passes lose their VarHandle accesses. About 5-10% less CPU time per block
   * for float32 (measured against the byte[] path, the same 3 passes); fusing the bit transpose into
   * the byte transpose was slower (more live registers).
   */
  private static void unshuffleViaLongs(int typesize, int n, byte[] src, int s, byte[] dst,
      int d) {
    long[] planes = PLANES.get();
    int rowBytes = n / 8;
    for (int c0 = 0; c0 < rowBytes; c0 += SLICE_COLUMNS) {
      int columns = Math.min(SLICE_COLUMNS, rowBytes - c0);
      int whole = columns / 8;
      for (int j = 0; j < typesize; j++) {
        int rows = s + j * n + c0;
        int out = j * columns;
        rowsToLongs(src, rows, rowBytes, planes, out, whole);
        for (int g = whole * 8; g < columns; g++) {
          long x = 0;
          for (int k = 0; k < 8; k++) {
            x |= (src[rows + g + k * rowBytes] & 0xFFL) << (8 * k);
          }
          planes[out + g] = x;
        }
      }
      int count = typesize * columns;
      for (int i = 0; i < count; i++) {
        planes[i] = transposeBits(planes[i]);
      }
      if (typesize == 4) {
        interleave4(planes, columns, dst, d + 32 * c0);
      } else {
        interleave2(planes, columns, dst, d + 16 * c0);
      }
    }
  }

  /** The inverse of {@link #unshuffleViaLongs}, the same passes in reverse order. */
  private static void shuffleViaLongs(int typesize, int n, byte[] src, int s, byte[] dst,
      int d) {
    long[] planes = PLANES.get();
    int rowBytes = n / 8;
    for (int c0 = 0; c0 < rowBytes; c0 += SLICE_COLUMNS) {
      int columns = Math.min(SLICE_COLUMNS, rowBytes - c0);
      if (typesize == 4) {
        deinterleave4(src, s + 32 * c0, planes, columns);
      } else {
        deinterleave2(src, s + 16 * c0, planes, columns);
      }
      int count = typesize * columns;
      for (int i = 0; i < count; i++) {
        planes[i] = transposeBits(planes[i]);
      }
      int whole = columns / 8;
      for (int j = 0; j < typesize; j++) {
        int in = j * columns;
        int rows = d + j * n + c0;
        longsToRows(planes, in, dst, rows, rowBytes, whole);
        for (int g = whole * 8; g < columns; g++) {
          long x = planes[in + g];
          for (int k = 0; k < 8; k++) {
            dst[rows + g + k * rowBytes] = (byte) (x >>> (8 * k));
          }
        }
      }
    }
  }

  /** The inverse of {@link #rowsToLongs} (the 8x8 byte transpose is its own inverse). */
  private static void longsToRows(long[] src, int o, byte[] dst, int d, int stride, int count) {
    for (int b = 0; b < count; b++) {
      int q = o + 8 * b;
      int i = d + 8 * b;
      long p0 = src[q];
      long p1 = src[q + 1];
      long p2 = src[q + 2];
      long p3 = src[q + 3];
      long p4 = src[q + 4];
      long p5 = src[q + 5];
      long p6 = src[q + 6];
      long p7 = src[q + 7];
      long t;
      t = ((p0 >>> 8) ^ p1) & 0x00FF00FF00FF00FFL; p1 ^= t; p0 ^= t << 8;
      t = ((p2 >>> 8) ^ p3) & 0x00FF00FF00FF00FFL; p3 ^= t; p2 ^= t << 8;
      t = ((p4 >>> 8) ^ p5) & 0x00FF00FF00FF00FFL; p5 ^= t; p4 ^= t << 8;
      t = ((p6 >>> 8) ^ p7) & 0x00FF00FF00FF00FFL; p7 ^= t; p6 ^= t << 8;
      t = ((p0 >>> 16) ^ p2) & 0x0000FFFF0000FFFFL; p2 ^= t; p0 ^= t << 16;
      t = ((p1 >>> 16) ^ p3) & 0x0000FFFF0000FFFFL; p3 ^= t; p1 ^= t << 16;
      t = ((p4 >>> 16) ^ p6) & 0x0000FFFF0000FFFFL; p6 ^= t; p4 ^= t << 16;
      t = ((p5 >>> 16) ^ p7) & 0x0000FFFF0000FFFFL; p7 ^= t; p5 ^= t << 16;
      t = ((p0 >>> 32) ^ p4) & 0x00000000FFFFFFFFL; p4 ^= t; p0 ^= t << 32;
      t = ((p1 >>> 32) ^ p5) & 0x00000000FFFFFFFFL; p5 ^= t; p1 ^= t << 32;
      t = ((p2 >>> 32) ^ p6) & 0x00000000FFFFFFFFL; p6 ^= t; p2 ^= t << 32;
      t = ((p3 >>> 32) ^ p7) & 0x00000000FFFFFFFFL; p7 ^= t; p3 ^= t << 32;
      putLong(dst, i, p0);
      putLong(dst, i + stride, p1);
      putLong(dst, i + 2 * stride, p2);
      putLong(dst, i + 3 * stride, p3);
      putLong(dst, i + 4 * stride, p4);
      putLong(dst, i + 5 * stride, p5);
      putLong(dst, i + 6 * stride, p6);
      putLong(dst, i + 7 * stride, p7);
    }
  }

  /** {@link ByteShuffle#shuffle4}'s split into the 4 planes of {@code columns} longs each. */
  private static void deinterleave4(byte[] src, int s, long[] planes, int columns) {
    for (int k = 0; k < columns; k++) {
      int i = s + 32 * k;
      long q0 = getLong(src, i);
      long q1 = getLong(src, i + 8);
      long q2 = getLong(src, i + 16);
      long q3 = getLong(src, i + 24);
      long p0 = (q0 & 0xFFFFFFFFL) | q2 << 32;
      long p1 = (q0 >>> 32) | (q2 & 0xFFFFFFFF00000000L);
      long p2 = (q1 & 0xFFFFFFFFL) | q3 << 32;
      long p3 = (q1 >>> 32) | (q3 & 0xFFFFFFFF00000000L);
      long t;
      t = ((p0 >>> 8) ^ p1) & 0x00FF00FF00FF00FFL; p1 ^= t; p0 ^= t << 8;
      t = ((p2 >>> 8) ^ p3) & 0x00FF00FF00FF00FFL; p3 ^= t; p2 ^= t << 8;
      t = ((p0 >>> 16) ^ p2) & 0x0000FFFF0000FFFFL; p2 ^= t; p0 ^= t << 16;
      t = ((p1 >>> 16) ^ p3) & 0x0000FFFF0000FFFFL; p3 ^= t; p1 ^= t << 16;
      planes[k] = p0;
      planes[columns + k] = p1;
      planes[2 * columns + k] = p2;
      planes[3 * columns + k] = p3;
    }
  }

  /** {@link ByteShuffle#shuffle2}'s split into the 2 planes of {@code columns} longs each. */
  private static void deinterleave2(byte[] src, int s, long[] planes, int columns) {
    for (int k = 0; k < columns; k++) {
      int i = s + 16 * k;
      long lo = getLong(src, i);
      long hi = getLong(src, i + 8);
      long a = (lo & 0xFFFFFFFFL) | hi << 32;
      long b = (lo >>> 32) | (hi & 0xFFFFFFFF00000000L);
      long t;
      t = ((a >>> 16) ^ b) & 0x0000FFFF0000FFFFL; b ^= t; a ^= t << 16;
      t = ((a >>> 8) ^ b) & 0x00FF00FF00FF00FFL; b ^= t; a ^= t << 8;
      planes[k] = a;
      planes[columns + k] = b;
    }
  }

  /**
   * {@link ByteShuffle#transposeBlocks} from 8 rows {@code stride} apart in {@code src[s]} to
   * groups of 8 consecutive longs in {@code dst[o]}.
   */
  private static void rowsToLongs(byte[] src, int s, int stride, long[] dst, int o, int count) {
    for (int b = 0; b < count; b++) {
      int i = s + 8 * b;
      int q = o + 8 * b;
      long p0 = getLong(src, i);
      long p1 = getLong(src, i + stride);
      long p2 = getLong(src, i + 2 * stride);
      long p3 = getLong(src, i + 3 * stride);
      long p4 = getLong(src, i + 4 * stride);
      long p5 = getLong(src, i + 5 * stride);
      long p6 = getLong(src, i + 6 * stride);
      long p7 = getLong(src, i + 7 * stride);
      long t;
      t = ((p0 >>> 8) ^ p1) & 0x00FF00FF00FF00FFL; p1 ^= t; p0 ^= t << 8;
      t = ((p2 >>> 8) ^ p3) & 0x00FF00FF00FF00FFL; p3 ^= t; p2 ^= t << 8;
      t = ((p4 >>> 8) ^ p5) & 0x00FF00FF00FF00FFL; p5 ^= t; p4 ^= t << 8;
      t = ((p6 >>> 8) ^ p7) & 0x00FF00FF00FF00FFL; p7 ^= t; p6 ^= t << 8;
      t = ((p0 >>> 16) ^ p2) & 0x0000FFFF0000FFFFL; p2 ^= t; p0 ^= t << 16;
      t = ((p1 >>> 16) ^ p3) & 0x0000FFFF0000FFFFL; p3 ^= t; p1 ^= t << 16;
      t = ((p4 >>> 16) ^ p6) & 0x0000FFFF0000FFFFL; p6 ^= t; p4 ^= t << 16;
      t = ((p5 >>> 16) ^ p7) & 0x0000FFFF0000FFFFL; p7 ^= t; p5 ^= t << 16;
      t = ((p0 >>> 32) ^ p4) & 0x00000000FFFFFFFFL; p4 ^= t; p0 ^= t << 32;
      t = ((p1 >>> 32) ^ p5) & 0x00000000FFFFFFFFL; p5 ^= t; p1 ^= t << 32;
      t = ((p2 >>> 32) ^ p6) & 0x00000000FFFFFFFFL; p6 ^= t; p2 ^= t << 32;
      t = ((p3 >>> 32) ^ p7) & 0x00000000FFFFFFFFL; p7 ^= t; p3 ^= t << 32;
      dst[q] = p0;
      dst[q + 1] = p1;
      dst[q + 2] = p2;
      dst[q + 3] = p3;
      dst[q + 4] = p4;
      dst[q + 5] = p5;
      dst[q + 6] = p6;
      dst[q + 7] = p7;
    }
  }

  /** {@link ByteShuffle#unshuffle4}'s interleave, the 4 planes of {@code columns} longs each. */
  private static void interleave4(long[] planes, int columns, byte[] dst, int d) {
    for (int k = 0; k < columns; k++) {
      long p0 = planes[k];
      long p1 = planes[columns + k];
      long p2 = planes[2 * columns + k];
      long p3 = planes[3 * columns + k];
      long t;
      t = ((p0 >>> 8) ^ p1) & 0x00FF00FF00FF00FFL; p1 ^= t; p0 ^= t << 8;
      t = ((p2 >>> 8) ^ p3) & 0x00FF00FF00FF00FFL; p3 ^= t; p2 ^= t << 8;
      t = ((p0 >>> 16) ^ p2) & 0x0000FFFF0000FFFFL; p2 ^= t; p0 ^= t << 16;
      t = ((p1 >>> 16) ^ p3) & 0x0000FFFF0000FFFFL; p3 ^= t; p1 ^= t << 16;
      int o = d + 32 * k;
      putLong(dst, o, (p0 & 0xFFFFFFFFL) | p1 << 32);
      putLong(dst, o + 8, (p2 & 0xFFFFFFFFL) | p3 << 32);
      putLong(dst, o + 16, (p0 >>> 32) | (p1 & 0xFFFFFFFF00000000L));
      putLong(dst, o + 24, (p2 >>> 32) | (p3 & 0xFFFFFFFF00000000L));
    }
  }

  /** {@link ByteShuffle#unshuffle2}'s interleave, the 2 planes of {@code columns} longs each. */
  private static void interleave2(long[] planes, int columns, byte[] dst, int d) {
    for (int k = 0; k < columns; k++) {
      long a = planes[k];
      long b = planes[columns + k];
      long t;
      t = ((a >>> 8) ^ b) & 0x00FF00FF00FF00FFL; b ^= t; a ^= t << 8;
      t = ((a >>> 16) ^ b) & 0x0000FFFF0000FFFFL; b ^= t; a ^= t << 16;
      int o = d + 16 * k;
      putLong(dst, o, (a & 0xFFFFFFFFL) | b << 32);
      putLong(dst, o + 8, (a >>> 32) | (b & 0xFFFFFFFF00000000L));
    }
  }

  /** Bytes of scratch {@link #unshuffle} and {@link #shuffle} need for a block of {@code size}. */
  static int scratchBytes(int typesize, int size) {
    return Math.min(size, typesize * 8 * SLICE_COLUMNS);
  }

  /**
   * Elements in {@code src} to bit rows in {@code dst}; {@code tmp} (at {@code t}) holds
   * {@link #scratchBytes} bytes of intermediate byte planes. The three regions must not overlap.
   */
  static void shuffle(
      int typesize, int size, byte[] src, int s, byte[] dst, int d, byte[] tmp, int t) {
    int n = size / typesize;
    if (n % 8 != 0) {
      System.arraycopy(src, s, dst, d, size);
      return;
    }
    int rowBytes = n / 8;
    if (typesize == 2 || typesize == 4) {
      shuffleViaLongs(typesize, n, src, s, dst, d);
      System.arraycopy(src, s + n * typesize, dst, d + n * typesize, size - n * typesize);
      return;
    }
    for (int c0 = 0; c0 < rowBytes; c0 += SLICE_COLUMNS) {
      int columns = Math.min(SLICE_COLUMNS, rowBytes - c0);
      int elements = 8 * columns;
      if (typesize > 1) {
        ByteShuffle.shuffleElements(typesize, elements, src, s + 8 * c0 * typesize, tmp, t);
      } else {
        System.arraycopy(src, s + 8 * c0, tmp, t, elements);
      }
      transposeBits(tmp, t, typesize * elements);
      int whole = columns / 8;
      for (int j = 0; j < typesize; j++) {
        int in = t + j * elements;
        int rows = d + j * n + c0;
        // 8 columns of the 8 bit rows at a time, then the columns left over one by one
        ByteShuffle.transposeBlocks(tmp, in, 8, 64, dst, rows, rowBytes, 8, whole);
        for (int g = whole * 8; g < columns; g++) {
          long x = getLong(tmp, in + 8 * g);
          for (int k = 0; k < 8; k++) {
            dst[rows + g + k * rowBytes] = (byte) (x >>> (8 * k));
          }
        }
      }
    }
    int whole = n * typesize;
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
  }

  /** {@link #transposeBits(long)} on each of the {@code len / 8} longs at {@code a[o]}. */
  private static void transposeBits(byte[] a, int o, int len) {
    for (int end = o + len; o < end; o += 8) {
      putLong(a, o, transposeBits(getLong(a, o)));
    }
  }

  /** Transposes the 8x8 bit matrix held in a long: bit k of byte i becomes bit i of byte k. */
  static long transposeBits(long x) {
    long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
    x = x ^ t ^ (t << 7);
    t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
    x = x ^ t ^ (t << 14);
    t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
    return x ^ t ^ (t << 28);
  }
}
