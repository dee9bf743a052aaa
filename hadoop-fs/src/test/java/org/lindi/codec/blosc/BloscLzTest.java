package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pure-Java BloscLZ: hand-written streams decode as the format says (literal runs, runs,
 * overlapping matches, long and far matches), malformed ones are refused without reading or
 * writing out of bounds, and the encoder round-trips every pattern (C-Blosc decoding its output
 * is checked in {@link BloscOracleTest}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BloscLzTest {
  private static final int[] TABLE = new int[1 << 14];

  @Test
  void aLiteralRunCarriesTheFormatMarkerInItsFirstByte() {
    byte[] stream = {0x20 | 2, 'a', 'b', 'c'};

    assertEquals("abc", decodeToString(stream, 3));
  }

  @Test
  void aMatchAtDistanceOneIsARun() {
    // 'x', then a 5-byte match (code 3) at distance 1, then 'y'
    byte[] stream = {0x20, 'x', 0x60, 0x00, 0x00, 'y'};

    assertEquals("xxxxxxy", decodeToString(stream, 7));
  }

  @Test
  void anOverlappingMatchRepeatsItsPeriod() {
    // "abc", then an 8-byte match (code 6) at distance 3, then 'z'
    byte[] stream = {0x20 | 2, 'a', 'b', 'c', (byte) 0xC0, 0x02, 0x00, 'z'};

    assertEquals("abcabcabcabz", decodeToString(stream, 12));
  }

  @Test
  void aLongMatchAddsItsLengthBytes() {
    // 'q', then a match of 9 + 255 + 4 = 268 bytes at distance 1, then 'r'
    byte[] stream = {0x20, 'q', (byte) 0xE0, (byte) 255, 4, 0x00, 0x00, 'r'};

    assertEquals("q".repeat(269) + "r", decodeToString(stream, 270));
  }

  @Test
  void aFarMatchReachesPast8K() {
    byte[] data = new byte[20_000];
    new Random(1).nextBytes(data);
    System.arraycopy(data, 0, data, 15_000, 3000); // repeats at distance 15000
    byte[] out = new byte[data.length + 100];

    int n = BloscLz.compress(data, 0, data.length, out, 0, out.length, TABLE);

    int allLiterals = data.length + (data.length + 31) / 32;
    assertTrue(n > 0 && n < allLiterals - 2500, "compressed to " + n + ", the repeat not found");
    assertArrayEquals(data, decode(Arrays.copyOf(out, n), data.length));
  }

  @Test
  void malformedStreamsAreRefused() {
    byte[] out = new byte[64];
    // a literal run longer than the input
    assertEquals(-1, BloscLz.decompress(new byte[] {0x20 | 9, 'a'}, 0, 2, out, 0, 64));
    // a literal run longer than the output
    assertEquals(-1, BloscLz.decompress(new byte[] {0x20 | 3, 1, 2, 3, 4}, 0, 5, out, 0, 3));
    // a match reaching before the start of the output
    assertEquals(-1, BloscLz.decompress(new byte[] {0x20, 'x', 0x60, 0x05, 0, 'y'}, 0, 6, out, 0, 64));
    // a match longer than the output
    assertEquals(-1, BloscLz.decompress(new byte[] {0x20, 'x', 0x60, 0x00, 0, 'y'}, 0, 6, out, 0, 4));
    // a stream ending in a match (c-blosc drops it, leaving the block short)
    assertEquals(-1, BloscLz.decompress(new byte[] {0x20, 'x', 0x60, 0x00}, 0, 4, out, 0, 64));
    // a long match whose length bytes run off the end
    assertEquals(-1, BloscLz.decompress(new byte[] {0x20, 'x', (byte) 0xE0, (byte) 255}, 0, 4, out, 0, 64));
    // a far match cut inside its distance bytes
    assertEquals(-1, BloscLz.decompress(new byte[] {0x20, 'x', 0x7F, (byte) 255, 0}, 0, 5, out, 0, 64));
  }

  @Test
  void aHugeLongMatchLengthIsRefusedWithoutOverflow() {
    byte[] stream = new byte[20_000_000 / 255 + 10];
    stream[0] = 0x20;
    stream[1] = 'x';
    stream[2] = (byte) 0xE0;
    Arrays.fill(stream, 3, stream.length - 3, (byte) 255);
    byte[] out = new byte[1 << 20];

    assertEquals(-1, BloscLz.decompress(stream, 0, stream.length, out, 0, out.length));
  }

  @Test
  void randomBytesNeverReadOrWriteOutOfBounds() {
    Random rnd = new Random(11);
    byte[] valid = new byte[3000];
    int n = BloscLz.compress(TestData.WALK.make(2000, 2, rnd), 0, 2000, valid, 0, 3000, TABLE);
    byte[] out = new byte[2100];
    for (int i = 0; i < 10_000; i++) {
      byte[] stream;
      if (i % 2 == 0) {
        stream = new byte[1 + rnd.nextInt(64)];
        rnd.nextBytes(stream);
      } else {
        stream = Arrays.copyOf(valid, n); // a valid stream with a few bytes flipped
        for (int k = 0; k < 3; k++) {
          stream[rnd.nextInt(n)] ^= (byte) (1 << rnd.nextInt(8));
        }
      }
      // decode into the middle of the array: nothing outside [50, 50 + 2000) may change
      Arrays.fill(out, (byte) 0x5A);
      int produced = BloscLz.decompress(stream, 0, stream.length, out, 50, 2000);
      assertTrue(produced >= -1 && produced <= 2000, "produced " + produced);
      for (int k = 0; k < 50; k++) {
        assertEquals(0x5A, out[k], "byte before the output region written");
      }
      for (int k = 2050; k < out.length; k++) {
        assertEquals(0x5A, out[k], "byte past the output region written");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestData.class)
  void theEncoderRoundTrips(TestData pattern) {
    for (int size : new int[] {16, 17, 100, 1000, 65536, 300_001}) {
      for (int typesize : new int[] {1, 2, 4, 8}) {
        byte[] data = pattern.make(size, typesize, new Random(size + typesize));
        byte[] out = new byte[size];

        int n = BloscLz.compress(data, 0, size, out, 0, size, TABLE);

        if (n > 0) {
          assertArrayEquals(data, decode(Arrays.copyOf(out, n), size), size + "/" + typesize);
        }
        if ((pattern == TestData.ZEROS || pattern == TestData.CONSTANT) && size >= 1000) {
          assertTrue(n > 0 && n < size / 4 + 40, pattern + " of " + size + " bytes: " + n);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15})
  void inputsTooShortToCompressAreLeftToTheCaller(int size) {
    assertEquals(0, BloscLz.compress(new byte[size], 0, size, new byte[64], 0, 64, TABLE));
  }

  @Test
  void theEncoderGivesUpWhenTheOutputDoesNotFit() {
    byte[] data = TestData.RANDOM.make(5000, 1, new Random(2));

    assertEquals(0, BloscLz.compress(data, 0, data.length, new byte[4999], 0, 4999, TABLE));
  }

  @Test
  void theProbeEstimatesTheRatioOfAFewKilobytes() {
    byte[] noise = TestData.RANDOM.make(65536, 1, new Random(3));

    assertTrue(BloscLz.probeRatio(noise, 0, 4096, new int[1 << 14]) < 1.0);
    assertTrue(BloscLz.probeRatio(new byte[4096], 0, 4096, new int[1 << 14]) > 20);
  }

  @Test
  void aStreamWhoseLastQuarterIsNoiseIsLeftRawAsCBloscDoes() {
    // compressible at the start, noise in the last quarter where c-blosc 1.21 probes
    byte[] data = new byte[65536];
    byte[] tail = TestData.RANDOM.make(16384, 1, new Random(4));
    System.arraycopy(tail, 0, data, 49152, tail.length);
    byte[] out = new byte[data.length];

    assertTrue(BloscLz.compress(data, 0, data.length, out, 0, out.length, TABLE) > 0);
    assertEquals(0, BloscLz.compress(5, data, 0, data.length, out, 0, out.length, TABLE));
  }

  @Test
  void aStreamWhoseLastQuarterCompressesIsEncodedWhole() {
    byte[] data = TestData.RANDOM.make(65536, 1, new Random(5));
    Arrays.fill(data, 49152, data.length, (byte) 7);
    byte[] out = new byte[data.length];

    int n = BloscLz.compress(5, data, 0, data.length, out, 0, out.length, TABLE);

    assertTrue(n > 0 && n < 52_000, "encoded to " + n);
    assertArrayEquals(data, decode(Arrays.copyOf(out, n), data.length));
  }

  private static byte[] decode(byte[] stream, int size) {
    byte[] out = new byte[size];
    assertEquals(size, BloscLz.decompress(stream, 0, stream.length, out, 0, size));
    return out;
  }

  private static String decodeToString(byte[] stream, int size) {
    return new String(decode(stream, size), StandardCharsets.ISO_8859_1);
  }
}
