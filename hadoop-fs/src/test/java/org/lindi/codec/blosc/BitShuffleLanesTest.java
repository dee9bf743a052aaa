package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lane-wise bit shuffle of 1, 2, 4 and 8-byte items matches the definition (written here bit
 * by bit) both ways: one lane, a partial slice, exactly one slice, several slices with a partial
 * last one, and bit-row columns left over after the last whole lane (element counts that are
 * multiples of 8 but not of 64), at unaligned offsets, with the block's tail bytes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BitShuffleLanesTest {
  static List<Arguments> shapes() {
    List<Arguments> shapes = new ArrayList<>();
    for (int typesize : new int[] {1, 2, 4, 8}) {
      int slice = elementsPerSlice(typesize);
      for (int elements : new int[] {8, 16, 56, 64, 72, 64 * 5 + 8 * 3, slice - 8, slice,
          slice + 8, slice + 64, 2 * slice + 64 * 3 + 8 * 5, 3 * slice}) {
        // tail bytes past the last whole element (fewer than one element)
        for (int extra = 0; extra < typesize; extra += Math.max(1, typesize - 2)) {
          shapes.add(Arguments.of(typesize, elements, extra));
        }
      }
    }
    return shapes;
  }

  @ParameterizedTest(name = "typesize {0}, {1} elements + {2} bytes")
  @MethodSource("shapes")
  void unshuffleGivesBackTheElementsOfTheBitRows(int typesize, int elements, int extra) {
    int size = elements * typesize + extra;
    byte[] values = random(size, typesize);
    byte[] rows = new byte[size + 3];
    System.arraycopy(bitRows(typesize, size, values), 0, rows, 3, size);
    byte[] out = new byte[size + 5];

    BitShuffle.unshuffle(typesize, size, rows, 3, out, 5, new byte[0], 0);

    assertArrayEquals(values, Arrays.copyOfRange(out, 5, 5 + size));
  }

  @ParameterizedTest(name = "typesize {0}, {1} elements + {2} bytes")
  @MethodSource("shapes")
  void shuffleWritesTheBitRowsOfTheElements(int typesize, int elements, int extra) {
    int size = elements * typesize + extra;
    byte[] values = new byte[size + 7];
    System.arraycopy(random(size, typesize), 0, values, 7, size);
    byte[] out = new byte[size + 1];

    BitShuffle.shuffle(typesize, size, values, 7, out, 1, new byte[0], 0);

    assertArrayEquals(bitRows(typesize, size, Arrays.copyOfRange(values, 7, 7 + size)),
        Arrays.copyOfRange(out, 1, 1 + size));
  }

  @Test
  void eachBitLandsInItsOwnElementAndByte() {
    // one set bit at a time in a 2-slice block of 4-byte items: a wrong row, lane or byte shows
    int typesize = 4;
    int size = (2 * elementsPerSlice(typesize) + 64 + 8) * typesize;
    byte[] out = new byte[size];
    Random random = new Random(7);
    for (int probe = 0; probe < 200; probe++) {
      int bit = random.nextInt(size * 8);
      byte[] values = new byte[size];
      values[bit / 8] = (byte) (1 << (bit % 8));
      BitShuffle.unshuffle(typesize, size, bitRows(typesize, size, values), 0, out, 0, null, 0);
      assertArrayEquals(values, out, "bit " + bit);
    }
  }

  /** 8 columns per lane, {@code SLICE_LONGS / (8 * typesize)} lanes per slice. */
  private static int elementsPerSlice(int typesize) {
    return 64 * (BitShuffleLanes.SLICE_LONGS / (8 * typesize));
  }

  /** Row j*8+k holds bit k of byte j of every element, element i at bit i % 8 of byte i / 8. */
  private static byte[] bitRows(int typesize, int size, byte[] in) {
    int n = size / typesize;
    byte[] out = in.clone(); // the bytes past the last element stay where they are
    Arrays.fill(out, 0, n * typesize, (byte) 0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < typesize; j++) {
        for (int k = 0; k < 8; k++) {
          int bit = (in[i * typesize + j] >> k) & 1;
          out[(j * 8 + k) * (n / 8) + i / 8] |= (byte) (bit << (i % 8));
        }
      }
    }
    return out;
  }

  private static byte[] random(int size, int seed) {
    byte[] b = new byte[size];
    new Random(31L * size + seed).nextBytes(b);
    return b;
  }
}
