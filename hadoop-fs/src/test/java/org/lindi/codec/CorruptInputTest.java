package org.lindi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.codec.CodecVectors.Vector;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;
import org.lindi.zarr.DType;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Corrupt, truncated and random chunks give a {@link CodecException}, quickly, never another
 * exception, a hang or an OutOfMemoryError; chunks that would decode beyond the chunk's limit are
 * refused with a {@link DecompressionLimitException} before the output grows past the limit.
 */
@Timeout(60)
class CorruptInputTest {
  private static final int MIB = 1 << 20;

  /** Valid non-empty vectors, one per codec configuration (at most 6 per codec), the seeds of the corruptions. */
  static Stream<Vector> seeds() {
    List<Vector> seeds = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    java.util.Map<String, Integer> perCodec = new java.util.HashMap<>();
    for (Vector v : CodecVectors.all()) {
      String key = v.codec().toString();
      if (!seen.contains(key) && v.encoded().length > 8 && perCodec.merge(v.id(), 1, Integer::sum) <= 6) {
        seen.add(key);
        seeds.add(v);
      }
    }
    return seeds.stream();
  }

  /** Decodes; any failure other than a CodecException fails the test. */
  private static void decodeOrCodecException(Codec codec, byte[] input, long limit) {
    decodeOrCodecException(codec, input, new DecodeContext().prepare(limit, -1));
  }

  /** Decodes with a context that earlier failures went through, like a reader thread's. */
  private static void decodeOrCodecException(Codec codec, byte[] input, DecodeContext ctx) {
    ctx.prepare(ctx.maxDecodedBytes(), -1);
    try {
      if (codec instanceof ObjectCodec) {
        ((ObjectCodec) codec).decodeObjects(ByteSlice.of(input), ctx);
      } else {
        codec.decode(ByteSlice.of(input), ctx);
      }
    } catch (CodecException expected) {
      // the only acceptable failure
    } catch (RuntimeException | Error e) {
      throw new AssertionError(codec + " threw " + e + " instead of a CodecException", e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void truncatedChunksFailCleanly(Vector v) {
    Codec codec = CodecRegistry.defaultRegistry().create(v.codec(), v.dtype());
    byte[] e = v.encoded();
    int step = Math.max(1, e.length / 200);
    DecodeContext ctx = new DecodeContext().prepare(4L * MIB, -1);
    for (int len = 0; len < e.length; len += step) {
      decodeOrCodecException(codec, java.util.Arrays.copyOf(e, len), ctx);
    }
    // the context is still good for a valid chunk
    if (v.decoded() != null && !codec.id().equals("fletcher32")) {
      ctx.prepare(v.decoded().length, -1);
      v.assertDecoded(codec.decode(ByteSlice.of(e), ctx));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void corruptedChunksFailCleanly(Vector v) {
    Codec codec = CodecRegistry.defaultRegistry().create(v.codec(), v.dtype());
    Random random = new Random(v.name().hashCode());
    DecodeContext ctx = new DecodeContext().prepare(4L * MIB, -1);
    for (int i = 0; i < 150; i++) {
      byte[] e = v.encoded().clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        e[random.nextInt(e.length)] ^= (byte) (1 << random.nextInt(8));
      }
      decodeOrCodecException(codec, e, ctx);
    }
    for (int i = 0; i < 30; i++) {
      byte[] garbage = new byte[random.nextInt(300)];
      random.nextBytes(garbage);
      decodeOrCodecException(codec, garbage, ctx);
    }
  }

  static Stream<JsonNode> everyCodec() {
    return seeds().map(Vector::codec).collect(Collectors.toList()).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCodec")
  void anEmptyChunkDecodesOrIsACodecError(JsonNode config) {
    decodeOrCodecException(CodecRegistry.defaultRegistry().create(config, DType.parse("<i4")), new byte[0], 1024);
  }

  /** 4 MiB of zeros compress to a few KiB in every format. */
  static Stream<String> bombs() {
    return Stream.of("zlib", "gzip", "zstd", "zstd-streamed", "lz4", "bz2", "lzma");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  void aBombIsRefusedWithoutGrowingPastTheLimit(String format) throws IOException {
    byte[] zeros = new byte[4 * MIB];
    byte[] bomb = compress(format, zeros);
    assertTrue(bomb.length < MIB / 16, format + " compresses zeros: " + bomb.length);
    Codec codec = codecFor(format);
    DecodeContext ctx = new DecodeContext().prepare(MIB / 2, -1);
    long start = System.nanoTime();
    DecompressionLimitException e = assertThrows(DecompressionLimitException.class, () -> codec.decode(ByteSlice.of(bomb), ctx));
    assertTrue(e.getMessage().contains("limit"), e.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused quickly");
    assertTrue(ctx.scratch(0).length <= MIB / 2, "output stayed within the limit: " + ctx.scratch(0).length);
    // the same chunk decodes when the limit allows it
    assertEquals(zeros.length, codec.decode(ByteSlice.of(bomb), new DecodeContext().prepare(zeros.length, -1)).length());
  }

  private static Codec codecFor(String format) {
    switch (format) {
      case "zlib":
        return new ZlibCodec(1);
      case "gzip":
        return new GzipCodec(1);
      case "zstd":
      case "zstd-streamed":
        return new ZstdCodec(1);
      case "lz4":
        return new Lz4Codec(1);
      case "bz2":
        return new Bz2Codec(1);
      default:
        return LzmaCodec.of(LzmaCodec.FORMAT_XZ);
    }
  }

  private static byte[] compress(String format, byte[] data) throws IOException {
    switch (format) {
      case "bz2": {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bos, 1)) {
          out.write(data);
        }
        return bos.toByteArray();
      }
      case "lzma": {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(bos, new LZMA2Options(1))) {
          out.write(data);
        }
        return bos.toByteArray();
      }
      case "zstd-streamed":
        try (ZstdCompressCtx c = new ZstdCompressCtx()) {
          // a frame that does not declare its size: the decoder learns it only as it goes
          return c.setLevel(1).setContentSize(false).compress(data);
        }
      default:
        return codecFor(format).encode(ByteSlice.of(data), new EncodeContext()).toArray();
    }
  }

  @Test
  void declaredSizesBeyondTheLimitAreRefusedBeforeAllocating() {
    DecodeContext ctx = new DecodeContext().prepare(MIB, 1000);
    // lz4: header claims 2 GiB
    byte[] lz4 = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0, 0};
    assertThrows(DecompressionLimitException.class, () -> new Lz4Codec(1).decode(ByteSlice.of(lz4), ctx));
    // packbits and astype expand their input
    assertThrows(DecompressionLimitException.class,
        () -> new PackBitsCodec().decode(ByteSlice.of(new byte[MIB / 4]), ctx));
    Codec astype = AsTypeCodec.of(DType.parse("|u1"), DType.parse("<f8"));
    assertThrows(DecompressionLimitException.class, () -> astype.decode(ByteSlice.of(new byte[MIB / 4]), ctx));
    Codec delta = DeltaCodec.of(DType.parse("<i8"), DType.parse("|i1"));
    assertThrows(DecompressionLimitException.class, () -> delta.decode(ByteSlice.of(new byte[MIB / 4]), ctx));
    assertTrue(ctx.scratch(0).length <= MIB, "nothing beyond the limit was allocated");
  }

  @Test
  void itemCountsAreCheckedAgainstTheBytesPresent() {
    DecodeContext ctx = new DecodeContext().prepare(MIB, -1);
    byte[] claim = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 1, 0, 0, 0, 'a'};
    CodecException e = assertThrows(CodecException.class, () -> new VlenUtf8Codec().decodeObjects(ByteSlice.of(claim), ctx));
    assertTrue(e.getMessage().contains("item count"), e.getMessage());
    byte[] longItem = {1, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 'a'};
    assertThrows(CodecException.class, () -> new VlenBytesCodec().decodeObjects(ByteSlice.of(longItem), ctx));
    byte[] json = "[\"a\",\"b\",\"|O\",[2000000000]]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(CodecException.class, () -> new Json2Codec().decodeObjects(ByteSlice.of(json), ctx));
  }

  @Test
  void objectCodecsCheckTheItemCountAgainstTheChunkShape() {
    byte[] json = "[\"a\",\"b\",\"|O\",[2]]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(2, new Json2Codec().decodeObjects(ByteSlice.of(json), new DecodeContext().prepare(MIB, 2)).length);
    CodecException e = assertThrows(CodecException.class,
        () -> new Json2Codec().decodeObjects(ByteSlice.of(json), new DecodeContext().prepare(MIB, 3)));
    assertTrue(e.getMessage().contains("3"), e.getMessage());
    byte[] vlen = {1, 0, 0, 0, 1, 0, 0, 0, 'a'};
    assertThrows(CodecException.class, () -> new VlenUtf8Codec().decodeObjects(ByteSlice.of(vlen), new DecodeContext().prepare(MIB, 2)));
  }

  @Test
  void invalidUtf8IsAnErrorButARealReplacementCharacterIsText() {
    byte[] bad = {1, 0, 0, 0, 2, 0, 0, 0, (byte) 0xc3, 0x28};
    assertThrows(CodecException.class, () -> new VlenUtf8Codec().decodeObjects(ByteSlice.of(bad), new DecodeContext()));
    byte[] replacement = {1, 0, 0, 0, 3, 0, 0, 0, (byte) 0xef, (byte) 0xbf, (byte) 0xbd};
    assertEquals("\uFFFD", new VlenUtf8Codec().decodeObjects(ByteSlice.of(replacement), new DecodeContext())[0]);
  }

  @Test
  void aFletcher32MismatchIsACodecError() {
    byte[] data = "some chunk bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] good = new Fletcher32Codec().encode(ByteSlice.of(data), new EncodeContext()).toArray();
    assertEquals(new String(data, java.nio.charset.StandardCharsets.UTF_8),
        new String(new Fletcher32Codec().decode(ByteSlice.of(good), new DecodeContext()).toArray(),
            java.nio.charset.StandardCharsets.UTF_8));
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x10;
      int at = i;
      CodecException e = assertThrows(CodecException.class,
          () -> new Fletcher32Codec().decode(ByteSlice.of(bad), new DecodeContext()), "flip at " + at);
      assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
  }
}
