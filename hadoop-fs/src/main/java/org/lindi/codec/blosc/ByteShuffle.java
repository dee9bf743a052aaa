package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.getLong;
import static org.lindi.codec.blosc.LittleEndian.putLong;

/**
 * Blosc's byte shuffle of one block: byte {@code j} of every element is gathered into plane
 * {@code j}; the {@code size % typesize} bytes at the end of the block are stored as they are.
 * Item sizes 2, 4 and 8 move 8 elements per step with 64-bit loads and stores (SWAR: the bytes are
 * interleaved or transposed inside longs by shifts and masks), which is what lets plain Java keep
 * up with c-blosc's SSE2/AVX2 loops; each size is a separate method so that the JIT compiles the
 * one in use on its own.
 */
final class ByteShuffle {
  private static final long LOW_HALF = 0x00000000FFFFFFFFL;
  private static final long HIGH_HALF = 0xFFFFFFFF00000000L;

  private ByteShuffle() {}

  /** Planes in {@code src} to interleaved elements in {@code dst}; the regions must not overlap. */
  static void unshuffle(int typesize, int size, byte[] src, int s, byte[] dst, int d) {
    int n = size / typesize;
    if (typesize > 1) {
      unshuffleElements(typesize, n, src, s, dst, d);
    }
    int whole = typesize == 1 ? 0 : n * typesize;
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
  }

  /** Interleaved elements in {@code src} to planes in {@code dst}; the regions must not overlap. */
  static void shuffle(int typesize, int size, byte[] src, int s, byte[] dst, int d) {
    int n = size / typesize;
    if (typesize > 1) {
      shuffleElements(typesize, n, src, s, dst, d);
    }
    int whole = typesize == 1 ? 0 : n * typesize;
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
  }

  /** {@link #unshuffle} of exactly {@code n} elements ({@code typesize >= 2}), no tail bytes. */
  static void unshuffleElements(int typesize, int n, byte[] src, int s, byte[] dst, int d) {
    switch (typesize) {
      case 2:
        unshuffle2(src, s, dst, d, n);
        break;
      case 4:
        unshuffle4(src, s, dst, d, n);
        break;
      case 8:
        unshuffle8(src, s, dst, d, n);
        break;
      default:
        unshuffleAny(typesize, src, s, dst, d, n);
        break;
    }
  }

  /** {@link #shuffle} of exactly {@code n} elements ({@code typesize >= 2}), no trailing bytes. */
  static void shuffleElements(int typesize, int n, byte[] src, int s, byte[] dst, int d) {
    switch (typesize) {
      case 2:
        shuffle2(src, s, dst, d, n);
        break;
      case 4:
        shuffle4(src, s, dst, d, n);
        break;
      case 8:
        shuffle8(src, s, dst, d, n);
        break;
      default:
        shuffleAny(typesize, src, s, dst, d, n);
        break;
    }
  }

  /**
   * Eight elements per step: one long of each plane, their bytes interleaved by the byte and
   * 16-bit rounds of {@link #transposeBlocks} on two longs, then the 32-bit halves recombined.
   */
  static void unshuffle2(byte[] src, int s, byte[] dst, int d, int n) {
    unshuffle2(src, s, src, s + n, dst, d, n);
  }

  /**
   * {@link #unshuffle2} with the two planes in separate places: plane 0 at {@code src0[s]}, plane 1
   * at {@code src1[p1]} (a plane Blosc stored raw is read straight from the frame, not copied).
   */
  static void unshuffle2(byte[] src0, int s, byte[] src1, int p1, byte[] dst, int d, int n) {
    int i = 0;
    for (; i <= n - 8; i += 8, d += 16) {
      long a = getLong(src0, s + i);
      long b = getLong(src1, p1 + i);
      long t;
      t = ((a >>> 8) ^ b) & 0x00FF00FF00FF00FFL; b ^= t; a ^= t << 8;
      t = ((a >>> 16) ^ b) & 0x0000FFFF0000FFFFL; b ^= t; a ^= t << 16;
      // a now holds elements 0, 1, 4, 5 and b elements 2, 3, 6, 7
      putLong(dst, d, (a & LOW_HALF) | b << 32);
      putLong(dst, d + 8, (a >>> 32) | (b & HIGH_HALF));
    }
    for (; i < n; i++, d += 2) {
      dst[d] = src0[s + i];
      dst[d + 1] = src1[p1 + i];
    }
  }

  /** The inverse of {@link #unshuffle2}: halves split, then the same rounds in reverse order. */
  static void shuffle2(byte[] src, int s, byte[] dst, int d, int n) {
    int p1 = d + n;
    int i = 0;
    for (; i <= n - 8; i += 8, s += 16) {
      long lo = getLong(src, s);
      long hi = getLong(src, s + 8);
      long a = (lo & LOW_HALF) | hi << 32;
      long b = (lo >>> 32) | (hi & HIGH_HALF);
      long t;
      t = ((a >>> 16) ^ b) & 0x0000FFFF0000FFFFL; b ^= t; a ^= t << 16;
      t = ((a >>> 8) ^ b) & 0x00FF00FF00FF00FFL; b ^= t; a ^= t << 8;
      putLong(dst, d + i, a);
      putLong(dst, p1 + i, b);
    }
    for (; i < n; i++, s += 2) {
      dst[d + i] = src[s];
      dst[p1 + i] = src[s + 1];
    }
  }

  /**
   * Eight elements per step: one long of each plane, a 4x4 byte transpose inside each half of
   * the longs (two rounds of swaps, as {@link #transposeBlocks}), then the halves recombined.
   */
  static void unshuffle4(byte[] src, int s, byte[] dst, int d, int n) {
    int i = 0;
    for (; i <= n - 8; i += 8, d += 32) {
      long p0 = getLong(src, s + i);
      long p1 = getLong(src, s + n + i);
      long p2 = getLong(src, s + 2 * n + i);
      long p3 = getLong(src, s + 3 * n + i);
      long t;
      t = ((p0 >>> 8) ^ p1) & 0x00FF00FF00FF00FFL; p1 ^= t; p0 ^= t << 8;
      t = ((p2 >>> 8) ^ p3) & 0x00FF00FF00FF00FFL; p3 ^= t; p2 ^= t << 8;
      t = ((p0 >>> 16) ^ p2) & 0x0000FFFF0000FFFFL; p2 ^= t; p0 ^= t << 16;
      t = ((p1 >>> 16) ^ p3) & 0x0000FFFF0000FFFFL; p3 ^= t; p1 ^= t << 16;
      // p_k now holds element k in its low half and element k + 4 in its high half
      putLong(dst, d, (p0 & LOW_HALF) | p1 << 32);
      putLong(dst, d + 8, (p2 & LOW_HALF) | p3 << 32);
      putLong(dst, d + 16, (p0 >>> 32) | (p1 & HIGH_HALF));
      putLong(dst, d + 24, (p2 >>> 32) | (p3 & HIGH_HALF));
    }
    for (; i < n; i++, d += 4) {
      dst[d] = src[s + i];
      dst[d + 1] = src[s + n + i];
      dst[d + 2] = src[s + 2 * n + i];
      dst[d + 3] = src[s + 3 * n + i];
    }
  }

  /** The inverse of {@link #unshuffle4}: halves split, then the same (self-inverse) transpose. */
  static void shuffle4(byte[] src, int s, byte[] dst, int d, int n) {
    int i = 0;
    for (; i <= n - 8; i += 8, s += 32) {
      long q0 = getLong(src, s);
      long q1 = getLong(src, s + 8);
      long q2 = getLong(src, s + 16);
      long q3 = getLong(src, s + 24);
      long p0 = (q0 & LOW_HALF) | q2 << 32;
      long p1 = (q0 >>> 32) | (q2 & HIGH_HALF);
      long p2 = (q1 & LOW_HALF) | q3 << 32;
      long p3 = (q1 >>> 32) | (q3 & HIGH_HALF);
      long t;
      t = ((p0 >>> 8) ^ p1) & 0x00FF00FF00FF00FFL; p1 ^= t; p0 ^= t << 8;
      t = ((p2 >>> 8) ^ p3) & 0x00FF00FF00FF00FFL; p3 ^= t; p2 ^= t << 8;
      t = ((p0 >>> 16) ^ p2) & 0x0000FFFF0000FFFFL; p2 ^= t; p0 ^= t << 16;
      t = ((p1 >>> 16) ^ p3) & 0x0000FFFF0000FFFFL; p3 ^= t; p1 ^= t << 16;
      putLong(dst, d + i, p0);
      putLong(dst, d + n + i, p1);
      putLong(dst, d + 2 * n + i, p2);
      putLong(dst, d + 3 * n + i, p3);
    }
    for (; i < n; i++, s += 4) {
      dst[d + i] = src[s];
      dst[d + n + i] = src[s + 1];
      dst[d + 2 * n + i] = src[s + 2];
      dst[d + 3 * n + i] = src[s + 3];
    }
  }

  private static void unshuffleAny(int typesize, byte[] src, int s, byte[] dst, int d, int n) {
    for (int j = 0; j < typesize; j++) {
      int plane = s + j * n;
      for (int i = 0; i < n; i++) {
        dst[d + i * typesize + j] = src[plane + i];
      }
    }
  }

  private static void shuffleAny(int typesize, byte[] src, int s, byte[] dst, int d, int n) {
    for (int j = 0; j < typesize; j++) {
      int plane = d + j * n;
      for (int i = 0; i < n; i++) {
        dst[plane + i] = src[s + i * typesize + j];
      }
    }
  }

  static void unshuffle8(byte[] src, int s, byte[] dst, int d, int n) {
    int whole = n / 8;
    transposeBlocks(src, s, n, 8, dst, d, 8, 64, whole);
    for (int i = whole * 8; i < n; i++) {
      for (int k = 0; k < 8; k++) {
        dst[d + 8 * i + k] = src[s + k * n + i];
      }
    }
  }

  static void shuffle8(byte[] src, int s, byte[] dst, int d, int n) {
    int whole = n / 8;
    transposeBlocks(src, s, 8, 64, dst, d, n, 8, whole);
    for (int i = whole * 8; i < n; i++) {
      for (int k = 0; k < 8; k++) {
        dst[d + k * n + i] = src[s + 8 * i + k];
      }
    }
  }

  /**
   * Transposes {@code count} 8x8 byte matrices. Matrix {@code b} is read as 8 longs at
   * {@code src[s + b * srcStep + k * srcStride]} (k = 0..7) and written as 8 longs at
   * {@code dst[d + b * dstStep + m * dstStride]}, where byte {@code k} of output long {@code m} is
   * byte {@code m} of input long {@code k}. Three rounds of swaps: bytes, 16-bit and 32-bit units.
   */
  static void transposeBlocks(byte[] src, int s, int srcStride, int srcStep, byte[] dst, int d,
      int dstStride, int dstStep, int count) {
    for (int b = 0; b < count; b++) {
      // offsets from the loop counter (not stepped pointers) let the JIT hoist the bound checks
      int i = s + b * srcStep;
      int o = d + b * dstStep;
      long p0 = getLong(src, i);
      long p1 = getLong(src, i + srcStride);
      long p2 = getLong(src, i + 2 * srcStride);
      long p3 = getLong(src, i + 3 * srcStride);
      long p4 = getLong(src, i + 4 * srcStride);
      long p5 = getLong(src, i + 5 * srcStride);
      long p6 = getLong(src, i + 6 * srcStride);
      long p7 = getLong(src, i + 7 * srcStride);
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
      putLong(dst, o, p0);
      putLong(dst, o + dstStride, p1);
      putLong(dst, o + 2 * dstStride, p2);
      putLong(dst, o + 3 * dstStride, p3);
      putLong(dst, o + 4 * dstStride, p4);
      putLong(dst, o + 5 * dstStride, p5);
      putLong(dst, o + 6 * dstStride, p6);
      putLong(dst, o + 7 * dstStride, p7);
    }
  }
}
