package org.lindi.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnknownCodecException;
import org.lindi.zarr.DType;

/** Codecs are found by numcodecs id through ServiceLoader, built-in and custom alike. */
@Timeout(30)
class CodecRegistryTest {
  private static final DType I4 = DType.parse("<i4");

  private static JsonNode json(String s) {
    try {
      return CodecVectors.JSON.readTree(s);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Stream<Arguments> builtIns() {
    return Stream.of(
        Arguments.of("{\"id\": \"zlib\", \"level\": 5}", ZlibCodec.class),
        Arguments.of("{\"id\": \"gzip\"}", GzipCodec.class),
        Arguments.of("{\"id\": \"zstd\", \"level\": 3}", ZstdCodec.class),
        Arguments.of("{\"id\": \"lz4\", \"acceleration\": 1}", Lz4Codec.class),
        Arguments.of("{\"id\": \"bz2\", \"level\": 9}", Bz2Codec.class),
        Arguments.of("{\"id\": \"lzma\", \"format\": 1, \"check\": -1, \"preset\": null, \"filters\": null}", LzmaCodec.class),
        Arguments.of("{\"id\": \"shuffle\", \"elementsize\": 4}", ShuffleCodec.class),
        Arguments.of("{\"id\": \"delta\", \"dtype\": \"<i4\"}", DeltaCodec.class),
        Arguments.of("{\"id\": \"fixedscaleoffset\", \"offset\": 0, \"scale\": 10, \"dtype\": \"<f8\", \"astype\": \"<i2\"}",
            FixedScaleOffsetCodec.class),
        Arguments.of("{\"id\": \"quantize\", \"digits\": 3, \"dtype\": \"<f4\"}", QuantizeCodec.class),
        Arguments.of("{\"id\": \"bitround\", \"keepbits\": 7}", BitRoundCodec.class),
        Arguments.of("{\"id\": \"packbits\"}", PackBitsCodec.class),
        Arguments.of("{\"id\": \"astype\", \"encode_dtype\": \"<f4\", \"decode_dtype\": \"<f8\"}", AsTypeCodec.class),
        Arguments.of("{\"id\": \"categorize\", \"labels\": [\"a\"], \"dtype\": \"<U3\", \"astype\": \"|u1\"}", CategorizeCodec.class),
        Arguments.of("{\"id\": \"categorize\", \"labels\": [\"a\"], \"dtype\": \"|O\", \"astype\": \"|u1\"}",
            CategorizeCodec.ToObjects.class),
        Arguments.of("{\"id\": \"fletcher32\"}", Fletcher32Codec.class),
        Arguments.of("{\"id\": \"json2\", \"allow_nan\": true, \"encoding\": \"utf-8\", \"sort_keys\": true}", Json2Codec.class),
        Arguments.of("{\"id\": \"vlen-utf8\"}", VlenUtf8Codec.class),
        Arguments.of("{\"id\": \"vlen-bytes\"}", VlenBytesCodec.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void everyBuiltInIdResolves(String config, Class<?> type) {
    CodecRegistry registry = CodecRegistry.defaultRegistry();
    JsonNode c = json(config);
    assertTrue(registry.has(c.get("id").asText()));
    assertTrue(registry.ids().contains(c.get("id").asText()));
    Codec codec = registry.create(c, I4);
    assertInstanceOf(type, codec);
    assertEquals(c.get("id").asText(), codec.id());
    // codecs are values: the same configuration gives an equal codec
    assertEquals(codec, registry.create(c, I4));
    assertEquals(codec.hashCode(), registry.create(c, I4).hashCode());
    assertTrue(codec.toString().startsWith(codec.id()), codec.toString());
  }

  @Test
  void theDefaultRegistryIsCached() {
    assertSame(CodecRegistry.defaultRegistry(), CodecRegistry.defaultRegistry());
  }

  @Test
  void anUnknownIdNamesTheIdAndHowToRegisterACodec() {
    UnknownCodecException e = assertThrows(UnknownCodecException.class,
        () -> CodecRegistry.defaultRegistry().create(json("{\"id\": \"qfc\", \"quant_scale_factor\": 2}"), I4));
    String m = e.getMessage();
    assertTrue(m.contains("'qfc'"), m);
    assertTrue(m.contains("org.lindi.codec.CodecFactory"), m);
    assertTrue(m.contains("META-INF/services/org.lindi.codec.CodecFactory"), m);
    assertTrue(m.contains("driver and executor classpath"), m);
    assertFalse(CodecRegistry.defaultRegistry().has("qfc"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"level\": 5}", "{\"id\": 5}", "{\"id\": null}", "[\"zlib\"]", "\"zlib\""})
  void aConfigurationWithoutAStringIdIsAFormatError(String config) {
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> CodecRegistry.defaultRegistry().create(json(config), I4));
    assertTrue(e.getMessage().contains("id"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"id\": \"zlib\", \"level\": \"high\"}",
      "{\"id\": \"zlib\", \"level\": 12}",
      "{\"id\": \"delta\", \"dtype\": \"<x9\"}",
      "{\"id\": \"fixedscaleoffset\", \"scale\": 10, \"dtype\": \"<f8\"}",
      "{\"id\": \"astype\", \"decode_dtype\": \"<f8\"}",
      "{\"id\": \"quantize\", \"digits\": 2, \"dtype\": \"<i4\"}",
      "{\"id\": \"categorize\", \"labels\": \"a\", \"dtype\": \"<U3\"}",
      "{\"id\": \"categorize\", \"labels\": [\"a\"], \"dtype\": \"<i4\"}",
      "{\"id\": \"lzma\", \"format\": 3, \"filters\": null}",
      "{\"id\": \"lzma\", \"format\": 3, \"filters\": [{\"id\": 33}, {\"id\": 3}]}",
      "{\"id\": \"bitround\"}",
      "{\"id\": \"test-xor\", \"key\": 999}"})
  void invalidParametersAreFormatErrorsNamingTheCodec(String config) {
    JsonNode c = json(config);
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> CodecRegistry.defaultRegistry().create(c, I4));
    assertTrue(e.getMessage().contains(c.get("id").asText()), e.getMessage());
  }

  @Test
  void aCustomFactoryOnTheClasspathIsFoundById() {
    Codec codec = CodecRegistry.defaultRegistry().create(json("{\"id\": \"test-xor\", \"key\": 90}"), I4);
    assertEquals("test-xor", codec.id());
    ByteSlice out = codec.decode(ByteSlice.of(new byte[] {90, 91, 0}), new DecodeContext());
    assertArrayEquals(new byte[] {0, 1, 90}, out.toArray());
  }

  @Test
  void aCustomFactoryCannotReplaceABuiltInOne() {
    boolean shadowListed = ServiceLoader.load(CodecFactory.class).stream()
        .anyMatch(p -> p.type() == XorTestCodec.ShadowZlibFactory.class);
    assertTrue(shadowListed, "the test classpath registers a second 'zlib' factory");
    assertInstanceOf(ZlibCodec.class, CodecRegistry.defaultRegistry().create(json("{\"id\": \"zlib\"}"), I4));
  }

  @Test
  void aBrokenProviderIsReportedWithoutHidingTheOthers(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.write(services.resolve(CodecFactory.class.getName()),
        "com.example.MissingCodecFactory\n".getBytes(StandardCharsets.UTF_8));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      CodecRegistry registry = CodecRegistry.load(loader);
      assertTrue(registry.has("zlib") && registry.has("json2") && registry.has("test-xor"), registry.toString());
      assertEquals(1, registry.loadErrors().size(), registry.loadErrors().toString());
      UnknownCodecException e = assertThrows(UnknownCodecException.class, () -> registry.create(json("{\"id\": \"x\"}"), I4));
      assertTrue(e.getMessage().contains("com.example.MissingCodecFactory"), e.getMessage());
    }
  }
}
