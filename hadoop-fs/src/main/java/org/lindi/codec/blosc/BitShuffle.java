package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.getLong;
import static org.lindi.codec.blosc.LittleEndian.putLong;

/**
 * Blosc's bit shuffle of one block (the bitshuffle library's layout): for byte {@code j} and bit
 * {@code k} of the elements, a row of {@code n / 8} bytes holding that bit of every element, rows
 * ordered {@code j * 8 + k}. c-blosc 1.21 bit-shuffles a block only when its element count is a
 * multiple of 8 (otherwise the block is stored as is) and never shuffles the bytes past the last
 * whole element. Items of 1, 2, 4 and 8 bytes go through {@link BitShuffleLanes}; other sizes
 * work as a byte shuffle into planes plus an 8x8 bit transpose per 8 elements, slice by slice of
 * the block. Public for the HDF5 bitshuffle filter, whose blocks have the same layout.
 */
public final class BitShuffle {
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
  public static void unshuffle(
      int typesize, int size, byte[] src, int s, byte[] dst, int d, byte[] tmp, int t) {
    int n = size / typesize;
    if (n % 8 != 0) {
      System.arraycopy(src, s, dst, d, size);
      return;
    }
    if (BitShuffleLanes.handles(typesize)) {
      BitShuffleLanes.unshuffle(typesize, n, src, s, dst, d);
      System.arraycopy(src, s + n * typesize, dst, d + n * typesize, size - n * typesize);
      return;
    }
    int rowBytes = n / 8;
    for (int c0 = 0; c0 < rowBytes; c0 += SLICE_COLUMNS) {
      int columns = Math.min(SLICE_COLUMNS, rowBytes - c0);
      int elements = 8 * columns;
      int whole = columns / 8;
      for (int j = 0; j < typesize; j++) {
        int rows = s + j * n + c0;
        int out = t + j * elements;
        // 8 columns of the 8 bit rows at a time, then the columns left over one by one
        ByteShuffle.transposeBlocks(src, rows, rowBytes, 8, tmp, out, 8, 64, whole);
        for (int g = whole * 8; g < columns; g++) {
          long x = 0;
          for (int k = 0; k < 8; k++) {
            x |= (src[rows + g + k * rowBytes] & 0xFFL) << (8 * k);
          }
          putLong(tmp, out + 8 * g, x);
        }
      }
      transposeBits(tmp, t, typesize * elements);
      ByteShuffle.unshuffleElements(typesize, elements, tmp, t, dst, d + 8 * c0 * typesize);
    }
    int whole = n * typesize;
    System.arraycopy(src, s + whole, dst, d + whole, size - whole);
  }

  /** Bytes of scratch {@link #unshuffle} and {@link #shuffle} need for a block of {@code size}. */
  public static int scratchBytes(int typesize, int size) {
    // BitShuffleLanes keeps its own per-thread rows
    return BitShuffleLanes.handles(typesize) ? 0 : Math.min(size, typesize * 8 * SLICE_COLUMNS);
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
    if (BitShuffleLanes.handles(typesize)) {
      BitShuffleLanes.shuffle(typesize, n, src, s, dst, d);
      System.arraycopy(src, s + n * typesize, dst, d + n * typesize, size - n * typesize);
      return;
    }
    int rowBytes = n / 8;
    for (int c0 = 0; c0 < rowBytes; c0 += SLICE_COLUMNS) {
      int columns = Math.min(SLICE_COLUMNS, rowBytes - c0);
      int elements = 8 * columns;
      ByteShuffle.shuffleElements(typesize, elements, src, s + 8 * c0 * typesize, tmp, t);
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
