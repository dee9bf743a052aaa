package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.codec.blosc.BitShuffle;

/**
 * The HDF5 bitshuffle filter unshuffles its blocks with Blosc's bit shuffle: for every item size,
 * at offsets inside larger arrays, that gives what the bitshuffle library's transform defines
 * ({@code bshuf_trans_bit_elem}: row {@code 8 * j + k} of {@code n / 8} bytes carries bit {@code k}
 * of byte {@code j} of every element, element {@code i} at bit {@code i % 8} of byte {@code i / 8}),
 * computed here one bit at a time.
 */
@Timeout(30)
class BitshuffleLayoutTest {
  @ParameterizedTest(name = "{0} elements of {1} bytes")
  @CsvSource({
      "8, 1", "8, 2", "8, 4", "8, 8", "8, 3", "8, 12",
      "64, 1", "64, 2", "64, 4", "64, 8",
      "72, 2", "72, 4", "200, 8", "1000, 1",
      "8192, 2", "8192, 4", "131080, 4", "65544, 8", "24, 6", "16400, 3",
  })
  void likeTheBitByBitTransform(int n, int itemSize) {
    Random random = new Random(n * 31L + itemSize);
    int bytes = n * itemSize;
    byte[] in = new byte[bytes + 13];
    random.nextBytes(in);
    byte[] expected = new byte[bytes + 7];
    byte[] actual = new byte[bytes + 7];
    bitByBit(in, 13, expected, 7, n, itemSize);
    byte[] scratch = new byte[BitShuffle.scratchBytes(itemSize, bytes)];
    BitShuffle.unshuffle(itemSize, bytes, in, 13, actual, 7, scratch, 0);
    assertArrayEquals(expected, actual);
  }

  /** The transform's definition, one bit at a time ({@code n} a multiple of 8). */
  static void bitByBit(byte[] in, int inOffset, byte[] out, int outOffset, int n, int itemSize) {
    int rowBytes = n / 8;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < itemSize; j++) {
        int v = 0;
        for (int k = 0; k < 8; k++) {
          int bit = (in[inOffset + (8 * j + k) * rowBytes + i / 8] >> (i % 8)) & 1;
          v |= bit << k;
        }
        out[outOffset + i * itemSize + j] = (byte) v;
      }
    }
  }
}
