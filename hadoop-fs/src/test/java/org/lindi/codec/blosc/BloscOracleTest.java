package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.scalableminds.bloscjava.Blosc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.EncodeContext;

/**
 * Blosc frames agree with C-Blosc 1.21.4 (blosc-java over JNI, the oracle): frames C writes decode
 * to the original bytes, frames this codec writes decode in C to the original bytes, and the
 * automatic block size and header flags are C's. Cases are drawn with a fixed seed over cnames,
 * clevels 0..9, shuffles, item sizes (odd ones too), sizes (empty to several MB, not multiples of
 * the item size), forced block sizes and data patterns.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BloscOracleTest {
  private static final String[] CNAMES = {"lz4", "lz4hc", "blosclz", "zstd", "zlib"};
  private static final int[] TYPESIZES = {1, 2, 3, 4, 5, 7, 8, 11, 12, 16, 17, 24, 300};
  private static final int[] SIZES = {0, 1, 5, 127, 128, 129, 1000, 4097, 33000, 70001, 262147};
  private static final int[] BLOCKSIZES = {0, 0, 0, 100, 1000, 4096, 16384, 65536, 200000};

  /** One oracle case; toString names it in the test report. */
  static final class Case {
    final String cname;
    final int clevel;
    final int shuffle;
    final int typesize;
    final int size;
    final int blocksize;
    final TestData data;
    final long seed;

    Case(String cname, int clevel, int shuffle, int typesize, int size, int blocksize,
        TestData data, long seed) {
      this.cname = cname;
      this.clevel = clevel;
      this.shuffle = shuffle;
      this.typesize = typesize;
      this.size = size;
      this.blocksize = blocksize;
      this.data = data;
      this.seed = seed;
    }

    byte[] bytes() {
      return data.make(size, typesize, new Random(seed));
    }

    @Override
    public String toString() {
      return cname + " clevel=" + clevel + " shuffle=" + shuffle + " typesize=" + typesize
          + " size=" + size + " blocksize=" + blocksize + " " + data;
    }
  }

  static List<Case> cases() {
    Random rnd = new Random(20240611);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      cases.add(new Case(CNAMES[rnd.nextInt(CNAMES.length)], rnd.nextInt(10), rnd.nextInt(3),
          TYPESIZES[rnd.nextInt(TYPESIZES.length)], SIZES[rnd.nextInt(SIZES.length)],
          BLOCKSIZES[rnd.nextInt(BLOCKSIZES.length)],
          TestData.values()[rnd.nextInt(TestData.values().length)], rnd.nextLong()));
    }
    // the large and the ephys-shaped cases, every cname and shuffle once
    for (String cname : CNAMES) {
      for (int shuffle = 0; shuffle < 3; shuffle++) {
        cases.add(new Case(cname, 5, shuffle, 2, 240_000, 0, TestData.WALK, shuffle));
      }
    }
    cases.add(new Case("lz4", 5, 1, 2, 3_840_000, 0, TestData.WALK, 7));
    cases.add(new Case("blosclz", 9, 2, 8, 600_003, 0, TestData.WALK, 8));
    cases.add(new Case("zstd", 1, 1, 4, 600_000, 0, TestData.RANDOM, 9));
    // float32-shaped bit shuffles: 1 MB blocks of several unshuffle slices, a short last block
    cases.add(new Case("lz4hc", 5, 2, 4, 2_400_000, 0, TestData.WALK, 10));
    cases.add(new Case("zstd", 5, 2, 4, 1_200_004, 0, TestData.WALK, 11));
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void framesWrittenByCBloscDecodeToTheOriginal(Case c) {
    byte[] data = c.bytes();
    byte[] frame = cBloscCompress(c, data);

    ByteSlice decoded = new BloscCodec(c.cname, c.clevel, c.shuffle, c.blocksize)
        .decode(ByteSlice.of(frame), new DecodeContext());

    assertArrayEquals(data, decoded.toArray());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void framesWrittenHereDecodeInCBlosc(Case c) {
    byte[] data = c.bytes();
    BloscCodec codec = new BloscCodec(c.cname, c.clevel, c.shuffle, c.blocksize);

    byte[] frame = codec.encode(ByteSlice.of(data), new EncodeContext().itemSize(c.typesize))
        .toArray();

    assertArrayEquals(data, Blosc.decompress(frame), "decoded by C-Blosc");
    assertArrayEquals(data, codec.decode(ByteSlice.of(frame), new DecodeContext()).toArray(),
        "decoded here");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void headersMatchCBlosc(Case c) {
    byte[] data = c.bytes();
    BloscHeader expected = BloscHeader.read(ByteSlice.of(cBloscCompress(c, data)));

    BloscHeader actual = BloscHeader.read(new BloscCodec(c.cname, c.clevel, c.shuffle, c.blocksize)
        .encode(ByteSlice.of(data), new EncodeContext().itemSize(c.typesize)));

    assertEquals(expected.blocksize(), actual.blocksize(), "blocksize");
    assertEquals(expected.typesize(), actual.typesize(), "typesize");
    assertEquals(expected.nbytes(), actual.nbytes(), "nbytes");
    // whether a frame ends up memcpyed depends on the streams, which may differ from C's
    int sameStreams = ~BloscHeader.MEMCPYED;
    assertEquals(expected.flags() & sameStreams, actual.flags() & sameStreams, "flags");
  }

  private static byte[] cBloscCompress(Case c, byte[] data) {
    return Blosc.compress(data, c.typesize, Blosc.Compressor.fromString(c.cname), c.clevel,
        Blosc.Shuffle.values()[c.shuffle], c.blocksize, 1);
  }
}
