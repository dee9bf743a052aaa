package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.scalableminds.bloscjava.Blosc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.EncodeContext;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;

/**
 * Corrupt Blosc frames fail with a {@link CodecException} (a {@link DecompressionLimitException}
 * for a header claiming too many bytes), quickly, never with another exception, a hang or an
 * out-of-memory error: truncated frames, patched header fields, bstarts and stream sizes out of
 * bounds, and random byte flips of valid frames of every compressor and shuffle.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BloscCorruptFrameTest {
  private static final BloscCodec CODEC = new BloscCodec("lz4", 5, 1, 0);
  private static final int SIZE = 200_000;

  /** Valid multi-block frames of every compressor and shuffle, mostly written by C-Blosc. */
  static List<Arguments> frames() {
    List<Arguments> frames = new ArrayList<>();
    for (Blosc.Compressor c : Blosc.Compressor.values()) {
      for (Blosc.Shuffle s : Blosc.Shuffle.values()) {
        byte[] data = TestData.WALK.make(SIZE, 4, new Random(c.ordinal() * 3 + s.ordinal()));
        frames.add(Arguments.of(c + "/" + s, Blosc.compress(data, 4, c, 5, s, 8192, 1)));
      }
    }
    frames.add(Arguments.of("blosclz-java/bit", encodeHere("blosclz", 2)));
    frames.add(Arguments.of("snappy-java/byte", encodeHere("snappy", 1)));
    return frames;
  }

  private static byte[] encodeHere(String cname, int shuffle) {
    byte[] data = TestData.WALK.make(SIZE, 4, new Random(99));
    return new BloscCodec(cname, 5, shuffle, 8192)
        .encode(ByteSlice.of(data), new EncodeContext().itemSize(4)).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void everyTruncationFails(String name, byte[] frame) {
    for (int len = 0; len < frame.length; len += 1 + len / 16) {
      int n = len;
      assertCodecError(Arrays.copyOf(frame, n), "cut at " + n);
      // the same cut with cbytes patched to match, so that only the stream checks can catch it
      if (n >= BloscHeader.SIZE) {
        assertCodecError(patch(Arrays.copyOf(frame, n), f -> putInt(f, 12, n)), "cut at " + n);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void bstartsOutsideTheFrameFail(String name, byte[] frame) {
    int cbytes = frame.length;
    int lastBlock = BloscHeader.read(ByteSlice.of(frame)).blockCount() - 1;
    assertTrue(lastBlock > 0, "a multi-block frame");
    for (int bad : new int[] {-1, -4, cbytes, cbytes - 3, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertCodecError(patch(frame, f -> putInt(f, BloscHeader.SIZE, bad)), "bstart " + bad);
      assertCodecError(patch(frame, f -> putInt(f, BloscHeader.SIZE + 4 * lastBlock, bad)),
          "last bstart " + bad);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void streamSizesOutsideTheFrameFail(String name, byte[] frame) {
    int firstStream = getInt(frame, BloscHeader.SIZE);
    for (int bad : new int[] {-1, Integer.MIN_VALUE, frame.length, Integer.MAX_VALUE, 0, 1}) {
      assertCodecError(patch(frame, f -> putInt(f, firstStream, bad)), "stream size " + bad);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void randomByteFlipsFailCleanlyOrDecode(String name, byte[] frame) {
    Random rnd = new Random(name.hashCode());
    DecodeContext ctx = new DecodeContext();
    for (int i = 0; i < 150; i++) {
      byte[] f = frame.clone();
      for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
        // mostly in the header and bstarts, where a flip changes the most
        int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(f.length, 64)) : rnd.nextInt(f.length);
        f[at] ^= (byte) (1 << rnd.nextInt(8));
      }
      try {
        CODEC.decode(ByteSlice.of(f), ctx.prepare(SIZE, SIZE / 4));
      } catch (CodecException expected) {
        // fine: detected
      } catch (RuntimeException | Error e) {
        fail("flip " + i + " of " + name + " threw " + e, e);
      }
    }
  }

  static List<Arguments> badHeaders() {
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of("version 3 (Blosc2)", (Consumer<byte[]>) f -> f[0] = 3));
    cases.add(Arguments.of("version 0", (Consumer<byte[]>) f -> f[0] = 0));
    cases.add(Arguments.of("versionlz 2", (Consumer<byte[]>) f -> f[1] = 2));
    cases.add(Arguments.of("reserved flag", (Consumer<byte[]>) f -> f[2] |= 0x08));
    cases.add(Arguments.of("compressor format 5", (Consumer<byte[]>) f -> f[2] = (byte) (f[2] & 0x1F | 5 << 5)));
    cases.add(Arguments.of("compressor format 7", (Consumer<byte[]>) f -> f[2] |= (byte) 0xE0));
    cases.add(Arguments.of("typesize 0", (Consumer<byte[]>) f -> f[3] = 0));
    cases.add(Arguments.of("negative nbytes", (Consumer<byte[]>) f -> putInt(f, 4, -5)));
    cases.add(Arguments.of("blocksize 0", (Consumer<byte[]>) f -> putInt(f, 8, 0)));
    cases.add(Arguments.of("negative blocksize", (Consumer<byte[]>) f -> putInt(f, 8, -8192)));
    cases.add(Arguments.of("blocksize > nbytes", (Consumer<byte[]>) f -> putInt(f, 8, SIZE + 4)));
    cases.add(Arguments.of("blocksize 1: too many blocks", (Consumer<byte[]>) f -> putInt(f, 8, 1)));
    cases.add(Arguments.of("cbytes past the end", (Consumer<byte[]>) f -> putInt(f, 12, f.length + 1)));
    cases.add(Arguments.of("cbytes under the header", (Consumer<byte[]>) f -> putInt(f, 12, 15)));
    cases.add(Arguments.of("negative cbytes", (Consumer<byte[]>) f -> putInt(f, 12, -1)));
    cases.add(Arguments.of("memcpyed flag on compressed data", (Consumer<byte[]>) f -> f[2] |= 0x02));
    cases.add(Arguments.of("don't-split flag flipped", (Consumer<byte[]>) f -> f[2] ^= 0x10));
    cases.add(Arguments.of("typesize changed", (Consumer<byte[]>) f -> f[3] = 3));
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHeaders")
  void patchedHeaderFieldsFail(String name, Consumer<byte[]> change) {
    byte[] data = TestData.WALK.make(SIZE, 4, new Random(5));
    byte[] frame = Blosc.compress(data, 4, Blosc.Compressor.LZ4, 5, Blosc.Shuffle.BYTE_SHUFFLE, 8192, 1);

    assertCodecError(patch(frame, change), name);
  }

  @Test
  void aMemcpyedFrameWhoseCbytesDisagreesWithNbytesFails() {
    byte[] data = TestData.RANDOM.make(500, 1, new Random(1));
    byte[] frame = Blosc.compress(data, 1, Blosc.Compressor.LZ4, 0, Blosc.Shuffle.NO_SHUFFLE, 0, 1);
    assertEquals(BloscHeader.MEMCPYED, frame[2] & BloscHeader.MEMCPYED);

    assertCodecError(patch(frame, f -> putInt(f, 4, 400)), "nbytes 400");
    assertCodecError(Arrays.copyOf(frame, frame.length - 1), "one byte short");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS)
  void aHeaderClaimingMoreThanTheChunkHoldsIsADecompressionBomb() {
    byte[] data = TestData.WALK.make(4000, 4, new Random(3));
    byte[] frame = patch(Blosc.compress(data, 4, Blosc.Compressor.LZ4, 5, Blosc.Shuffle.BYTE_SHUFFLE, 0, 1),
        f -> putInt(f, 4, 2_000_000_000));

    DecompressionLimitException e = assertThrows(DecompressionLimitException.class,
        () -> CODEC.decode(ByteSlice.of(frame), new DecodeContext().prepare(4000, 1000)));
    assertTrue(e.getMessage().contains("header claims 2000000000 bytes, at most 4000 expected"),
        e.getMessage());
  }

  @Test
  void aFrameShorterThanItsHeaderFails() {
    assertCodecError(new byte[0], "empty");
    assertCodecError(new byte[] {2, 1, 0x21, 2, 0, 0, 0}, "7 bytes");
  }

  private static void assertCodecError(byte[] frame, String what) {
    try {
      ByteSlice out = CODEC.decode(ByteSlice.of(frame), new DecodeContext().prepare(SIZE, SIZE / 4));
      fail(what + ": decoded " + out.length() + " bytes instead of failing");
    } catch (CodecException expected) {
      assertTrue(expected.getMessage().contains("blosc") || expected.getMessage().contains("decompression"),
          what + ": " + expected.getMessage());
    } catch (RuntimeException | Error e) {
      fail(what + ": threw " + e + " instead of a CodecException", e);
    }
  }

  private static byte[] patch(byte[] frame, Consumer<byte[]> change) {
    byte[] f = frame.clone();
    change.accept(f);
    return f;
  }

  private static int getInt(byte[] a, int i) {
    return LittleEndian.getInt(a, i);
  }

  private static void putInt(byte[] a, int i, int v) {
    LittleEndian.putInt(a, i, v);
  }
}
