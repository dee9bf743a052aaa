package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HDF5 bitshuffle filter's block unshuffle gives, through Blosc's vectorised bit shuffle for
 * items of 1, 2, 4 and 8 bytes, what the bit-by-bit transform gives, at offsets inside larger arrays.
 */
@Timeout(30)
class BitUnshuffleTest {
  @ParameterizedTest(name = "{0} elements of {1} bytes")
  @CsvSource({
      "8, 1", "8, 2", "8, 4", "8, 8", "8, 3", "8, 12",
      "64, 1", "64, 2", "64, 4", "64, 8",
      "72, 2", "72, 4", "200, 8", "1000, 1",
      "8192, 2", "8192, 4", "131080, 4", "65544, 8", "24, 6",
  })
  void likeTheBitByBitTransform(int n, int itemSize) {
    Random random = new Random(n * 31L + itemSize);
    int bytes = n * itemSize;
    byte[] in = new byte[bytes + 13];
    random.nextBytes(in);
    byte[] expected = new byte[bytes + 7];
    byte[] actual = new byte[bytes + 7];
    BitUnshuffle.bitByBit(in, 13, expected, 7, n, itemSize);
    BitUnshuffle.block(in, 13, actual, 7, n, itemSize);
    assertArrayEquals(expected, actual);
  }
}
