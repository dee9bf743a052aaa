package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.getLong;
import static org.lindi.codec.blosc.LittleEndian.putLong;

/**
 * Blosc's byte shuffle of one block: byte {@code j} of every element is gathered into plane
 * {@code j}; the {@code size % typesize} bytes at the end of the block are stored as they are.
 * Item sizes 2, 4 and 8 have their own loops (measured fastest: plain byte loops for 2 and 4, an
 * 8x8 byte transpose over longs for 8); each size is a separate method so that the JIT compiles
 * the one in use on its own.
 */
final class ByteShuffle {
  private ByteShuffle() {}

  /** Planes in {@code src} to interleaved elements in {@code dst}; the regions must not overlap. */
  static void unshuffle(int typesize, int size, byte[] src, int s, byte[] dst, int d) {
    int n = size / typesize;
    switch (typesize) {
      case 1:
        break;
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
    int whole = typesize == 1 ? 0 : n * typesize;
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
  }

  /** Interleaved elements in {@code src} to planes in {@code dst}; the regions must not overlap. */
  static void shuffle(int typesize, int size, byte[] src, int s, byte[] dst, int d) {
    int n = size / typesize;
    switch (typesize) {
      case 1:
        break;
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
    int whole = typesize == 1 ? 0 : n * typesize;
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
  }

  private static void unshuffle2(byte[] src, int s, byte[] dst, int d, int n) {
    int p1 = s + n;
    for (int i = 0; i < n; i++) {
      dst[d + 2 * i] = src[s + i];
      dst[d + 2 * i + 1] = src[p1 + i];
    }
  }

  private static void unshuffle4(byte[] src, int s, byte[] dst, int d, int n) {
    int p1 = s + n;
    int p2 = s + 2 * n;
    int p3 = s + 3 * n;
    for (int i = 0; i < n; i++) {
      int o = d + 4 * i;
      dst[o] = src[s + i];
      dst[o + 1] = src[p1 + i];
      dst[o + 2] = src[p2 + i];
      dst[o + 3] = src[p3 + i];
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

  private static void shuffle2(byte[] src, int s, byte[] dst, int d, int n) {
    int p1 = d + n;
    for (int i = 0; i < n; i++) {
      dst[d + i] = src[s + 2 * i];
      dst[p1 + i] = src[s + 2 * i + 1];
    }
  }

  private static void shuffle4(byte[] src, int s, byte[] dst, int d, int n) {
    int p1 = d + n;
    int p2 = d + 2 * n;
    int p3 = d + 3 * n;
    for (int i = 0; i < n; i++) {
      int o = s + 4 * i;
      dst[d + i] = src[o];
      dst[p1 + i] = src[o + 1];
      dst[p2 + i] = src[o + 2];
      dst[p3 + i] = src[o + 3];
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

  private static void unshuffle8(byte[] src, int s, byte[] dst, int d, int n) {
    int whole = n / 8;
    transposeBlocks(src, s, n, 8, dst, d, 8, 64, whole);
    for (int i = whole * 8; i < n; i++) {
      for (int k = 0; k < 8; k++) {
        dst[d + 8 * i + k] = src[s + k * n + i];
      }
    }
  }

  private static void shuffle8(byte[] src, int s, byte[] dst, int d, int n) {
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
    for (int b = 0; b < count; b++, s += srcStep, d += dstStep) {
      long p0 = getLong(src, s);
      long p1 = getLong(src, s + srcStride);
      long p2 = getLong(src, s + 2 * srcStride);
      long p3 = getLong(src, s + 3 * srcStride);
      long p4 = getLong(src, s + 4 * srcStride);
      long p5 = getLong(src, s + 5 * srcStride);
      long p6 = getLong(src, s + 6 * srcStride);
      long p7 = getLong(src, s + 7 * srcStride);
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
      putLong(dst, d, p0);
      putLong(dst, d + dstStride, p1);
      putLong(dst, d + 2 * dstStride, p2);
      putLong(dst, d + 3 * dstStride, p3);
      putLong(dst, d + 4 * dstStride, p4);
      putLong(dst, d + 5 * dstStride, p5);
      putLong(dst, d + 6 * dstStride, p6);
      putLong(dst, d + 7 * dstStride, p7);
    }
  }
}
