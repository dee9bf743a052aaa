package org.lindi.hdf5;

import org.lindi.codec.blosc.BitShuffleLanes;

/**
 * Reverses the bitshuffle library's transform of one block ({@code bshuf_trans_bit_elem}): the
 * block holds {@code 8 * itemSize} rows of {@code n / 8} bytes, row {@code 8 * j + k} carrying bit
 * {@code k} of byte {@code j} of every element, element {@code i} at bit {@code i % 8} of byte
 * {@code i / 8}.
 */
final class BitUnshuffle {
  private BitUnshuffle() {}

  /**
   * Unshuffles {@code n} elements ({@code n} a multiple of 8) of {@code itemSize} bytes: items of 1,
   * 2, 4 and 8 bytes through Blosc's vectorised bit shuffle (the same layout), others bit by bit.
   */
  static void block(byte[] in, int inOffset, byte[] out, int outOffset, int n, int itemSize) {
    if (BitShuffleLanes.handles(itemSize)) {
      BitShuffleLanes.unshuffle(itemSize, n, in, inOffset, out, outOffset);
    } else {
      bitByBit(in, inOffset, out, outOffset, n, itemSize);
    }
  }

  /** {@link #block} one bit at a time: any item size (and the reference its tests compare with). */
  static void bitByBit(byte[] in, int inOffset, byte[] out, int outOffset, int n, int itemSize) {
    java.util.Arrays.fill(out, outOffset, outOffset + n * itemSize, (byte) 0);
    int rowBytes = n / 8;
    for (int j = 0; j < itemSize; j++) {
      for (int k = 0; k < 8; k++) {
        int row = inOffset + (8 * j + k) * rowBytes;
        int bit = 1 << k;
        for (int b = 0; b < rowBytes; b++) {
          int v = in[row + b] & 0xff;
          if (v == 0) {
            continue;
          }
          int element = outOffset + 8 * b * itemSize + j;
          for (int m = 0; m < 8; m++, element += itemSize) {
            if ((v & (1 << m)) != 0) {
              out[element] |= (byte) bit;
            }
          }
        }
      }
    }
  }
}
