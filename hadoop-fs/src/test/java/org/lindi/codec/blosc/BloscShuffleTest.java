package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte and bit shuffles match their definitions (written here bit by bit) for every item size,
 * sizes that are not multiples of the item size or of 8 elements (the tails of the word-wide
 * loops), blocks of several bit-shuffle slices, and unshuffle inverts shuffle.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BloscShuffleTest {
  static List<Arguments> shapes() {
    List<Arguments> shapes = new ArrayList<>();
    for (int typesize : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 32}) {
      for (int elements : new int[] {0, 1, 7, 8, 9, 15, 16, 64, 72, 1000, 1024, 8 * 1024 + 8,
          8 * 2048 + 64 * 3 + 8 * 5}) {
        for (int extra : new int[] {0, typesize / 2}) {
          shapes.add(Arguments.of(typesize, elements * typesize + extra));
        }
      }
    }
    return shapes;
  }

  @ParameterizedTest(name = "typesize {0}, {1} bytes")
  @MethodSource("shapes")
  void byteShuffleGathersEachByteOfTheTypeIntoAPlane(int typesize, int size) {
    byte[] elements = random(size, typesize);
    byte[] planes = new byte[size + 3];
    byte[] back = new byte[size + 5];

    // odd offsets: the 8-byte loads and stores of the word-wide loops must not assume alignment
    ByteShuffle.shuffle(typesize, size, elements, 0, planes, 3);
    ByteShuffle.unshuffle(typesize, size, planes, 3, back, 5);

    assertArrayEquals(referenceByteShuffle(typesize, size, elements), slice(planes, 3, size));
    assertArrayEquals(elements, slice(back, 5, size));
  }

  @ParameterizedTest(name = "typesize {0}, {1} bytes")
  @MethodSource("shapes")
  void bitShuffleMakesOneRowPerBitOfTheType(int typesize, int size) {
    byte[] elements = random(size, typesize);
    byte[] rows = new byte[size + 3];
    byte[] back = new byte[size + 5];
    byte[] tmp = new byte[BitShuffle.scratchBytes(typesize, size) + 7];

    BitShuffle.shuffle(typesize, size, elements, 0, rows, 3, tmp, 7);
    BitShuffle.unshuffle(typesize, size, rows, 3, back, 5, tmp, 7);

    assertArrayEquals(referenceBitShuffle(typesize, size, elements), slice(rows, 3, size));
    assertArrayEquals(elements, slice(back, 5, size));
  }

  private static byte[] referenceByteShuffle(int typesize, int size, byte[] in) {
    int n = size / typesize;
    byte[] out = in.clone(); // the bytes past the last element stay where they are
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < typesize; j++) {
        out[j * n + i] = in[i * typesize + j];
      }
    }
    return out;
  }

  /** Row j*8+k holds bit k of byte j of every element, element i at bit i % 8 of byte i / 8. */
  private static byte[] referenceBitShuffle(int typesize, int size, byte[] in) {
    int n = size / typesize;
    byte[] out = in.clone();
    if (n % 8 != 0) {
      return out; // c-blosc 1.21 leaves such blocks as they are
    }
    Arrays.fill(out, 0, n * typesize, (byte) 0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < typesize; j++) {
        for (int k = 0; k < 8; k++) {
          int bit = (in[i * typesize + j] >> k) & 1;
          int row = j * 8 + k;
          out[row * (n / 8) + i / 8] |= (byte) (bit << (i % 8));
        }
      }
    }
    return out;
  }

  private static byte[] random(int size, int seed) {
    byte[] b = new byte[size];
    new Random(size * 31L + seed).nextBytes(b);
    return b;
  }

  private static byte[] slice(byte[] a, int from, int len) {
    return Arrays.copyOfRange(a, from, from + len);
  }
}
