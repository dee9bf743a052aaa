package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.getLong;
import static org.lindi.codec.blosc.LittleEndian.putLong;

/**
 * Blosc's bit shuffle of one block (the bitshuffle library's layout): for byte {@code j} and bit
 * {@code k} of the elements, a row of {@code n / 8} bytes holding that bit of every element, rows
 * ordered {@code j * 8 + k}. c-blosc 1.21 bit-shuffles a block only when its element count is a
 * multiple of 8 (otherwise the block is stored as is) and never shuffles the bytes past the last
 * whole element. Works as a byte shuffle into planes plus an 8x8 bit transpose per 8 elements.
 */
final class BitShuffle {
  private BitShuffle() {}

  /**
   * Bit rows in {@code src} to elements in {@code dst}; {@code tmp} (at {@code t}) holds
   * {@code size} bytes of intermediate byte planes. The three regions must not overlap.
   */
  static void unshuffle(
      int typesize, int size, byte[] src, int s, byte[] dst, int d, byte[] tmp, int t) {
    int n = size / typesize;
    if (n % 8 != 0) {
      System.arraycopy(src, s, dst, d, size);
      return;
    }
    int rowBytes = n / 8;
    byte[] planes = typesize == 1 ? dst : tmp;
    int p = typesize == 1 ? d : t;
    for (int j = 0; j < typesize; j++) {
      int rows = s + j * n;
      int out = p + j * n;
      // 8 columns of the 8 bit rows at a time: byte transposes, then a bit transpose per long
      int whole = rowBytes / 8;
      ByteShuffle.transposeBlocks(src, rows, rowBytes, 8, planes, out, 8, 64, whole);
      for (int o = out; o < out + 64 * whole; o += 8) {
        putLong(planes, o, transposeBits(getLong(planes, o)));
      }
      int g = whole * 8;
      for (; g < rowBytes; g++) {
        int q = rows + g;
        long x = 0;
        for (int k = 0; k < 8; k++) {
          x |= (src[q + k * rowBytes] & 0xFFL) << (8 * k);
        }
        putLong(planes, out + 8 * g, transposeBits(x));
      }
    }
    int whole = n * typesize;
    if (typesize > 1) {
      ByteShuffle.unshuffle(typesize, whole, tmp, t, dst, d);
    }
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
  }

  /**
   * Elements in {@code src} to bit rows in {@code dst}; {@code tmp} (at {@code t}) holds
   * {@code size} bytes of intermediate byte planes. The three regions must not overlap.
   */
  static void shuffle(
      int typesize, int size, byte[] src, int s, byte[] dst, int d, byte[] tmp, int t) {
    int n = size / typesize;
    if (n % 8 != 0) {
      System.arraycopy(src, s, dst, d, size);
      return;
    }
    int rowBytes = n / 8;
    int whole = n * typesize;
    if (typesize > 1) {
      ByteShuffle.shuffle(typesize, whole, src, s, tmp, t);
    } else {
      System.arraycopy(src, s, tmp, t, whole);
    }
    for (int o = t; o < t + whole; o += 8) {
      putLong(tmp, o, transposeBits(getLong(tmp, o)));
    }
    for (int j = 0; j < typesize; j++) {
      int in = t + j * n;
      int rows = d + j * n;
      // 8 columns of the 8 bit rows at a time, then the columns left over one by one
      int blocks = rowBytes / 8;
      ByteShuffle.transposeBlocks(tmp, in, 8, 64, dst, rows, rowBytes, 8, blocks);
      for (int g = blocks * 8; g < rowBytes; g++) {
        long x = getLong(tmp, in + 8 * g);
        for (int k = 0; k < 8; k++) {
          dst[rows + k * rowBytes + g] = (byte) (x >>> (8 * k));
        }
      }
    }
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
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
