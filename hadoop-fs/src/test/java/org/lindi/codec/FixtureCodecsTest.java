package org.lindi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/**
 * The codecs decode the chunks of the shared fixtures written by zarr-python/numcodecs and LINDI:
 * every array of {@code zarr/codecs.lindi.json} matches the manifest's sha256 or values, every chunk
 * of every {@code .lindi.json} fixture whose codecs are registered decodes to a whole chunk, and
 * the random-bytes zlib chunk of {@code broken/garbage_chunk.lindi.json} fails fast.
 */
@Timeout(60)
class FixtureCodecsTest {
  private static final Path FIXTURES = Paths.get(System.getProperty("lindi.fixtures", "../shared/fixtures"));

  /** One array of a .lindi.json fixture with the means to read its chunks' bytes. */
  record FixtureArray(Path file, String path, JsonNode zarray, JsonNode refs, JsonNode templates, JsonNode manifest) {
    DType dtype() {
      return DType.parse(zarray.get("dtype").asText());
    }

    int[] chunks() {
      int[] c = new int[zarray.get("chunks").size()];
      for (int i = 0; i < c.length; i++) {
        c[i] = zarray.get("chunks").get(i).asInt();
      }
      return c;
    }

    int chunkElements() {
      int n = 1;
      for (int c : chunks()) {
        n *= c;
      }
      return n;
    }

    /** Chunk keys in grid order along axis 0 (the other axes have one chunk in the arrays checked by hash). */
    List<String> chunkKeys() {
      String prefix = path.isEmpty() ? "" : path + "/";
      List<String> keys = new ArrayList<>();
      for (Iterator<String> it = refs.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.startsWith(prefix) && !k.substring(prefix.length()).contains("/.") && !k.endsWith("/.zarray")
            && k.substring(prefix.length()).matches("[0-9]+([./][0-9]+)*")) {
          keys.add(k);
        }
      }
      keys.sort((a, b) -> Long.compare(firstIndex(a, prefix), firstIndex(b, prefix)));
      return keys;
    }

    private static long firstIndex(String key, String prefix) {
      return Long.parseLong(key.substring(prefix.length()).split("[./]")[0]);
    }

    byte[] chunkBytes(String key) {
      JsonNode ref = refs.get(key);
      if (ref.isTextual()) {
        String s = ref.asText();
        return s.startsWith("base64:") ? Base64.getDecoder().decode(s.substring(7)) : s.getBytes(StandardCharsets.UTF_8);
      }
      Path target = file.getParent().resolve(url(ref));
      try (RandomAccessFile f = new RandomAccessFile(target.toFile(), "r")) {
        byte[] b = new byte[ref.get(2).asInt()];
        f.seek(ref.get(1).asLong());
        f.readFully(b);
        return b;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String url(JsonNode ref) {
      String url = ref.get(0).asText();
      if (templates != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = templates.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> t = it.next();
          url = url.replace("{{" + t.getKey() + "}}", t.getValue().asText());
        }
      }
      return url;
    }

    /** Chunks this test can read: inline, or byte ranges of a plain relative file next to the fixture. */
    boolean readable() {
      for (String k : chunkKeys()) {
        JsonNode ref = refs.get(k);
        if (ref.isArray() && (ref.size() != 3 || url(ref).contains(":")
            || !Files.isRegularFile(file.getParent().resolve(url(ref))))) {
          return false;
        }
      }
      return true;
    }

    List<JsonNode> codecs() {
      List<JsonNode> c = new ArrayList<>();
      if (zarray.hasNonNull("compressor")) {
        c.add(zarray.get("compressor"));
      }
      if (zarray.hasNonNull("filters")) {
        List<JsonNode> filters = new ArrayList<>();
        zarray.get("filters").forEach(filters::add);
        for (int i = filters.size() - 1; i >= 0; i--) {
          c.add(filters.get(i));
        }
      }
      return c;
    }

    /** The codecs in decoding order: compressor first, then the filters in reverse. */
    Object decode(String key) {
      DecodeContext ctx = new DecodeContext();
      long limit = 16L * chunkElements() * Math.max(dtype().itemSize(), 8) + 4096;
      Object current = ByteSlice.of(chunkBytes(key));
      for (JsonNode config : codecs()) {
        Codec codec = CodecRegistry.defaultRegistry().create(config, dtype());
        ctx.prepare(limit, chunkElements());
        if (codec instanceof ObjectCodec) {
          current = ((ObjectCodec) codec).decodeObjects((ByteSlice) current, ctx);
        } else {
          current = ByteSlice.of(codec.decode((ByteSlice) current, ctx).toArray());
        }
      }
      return current;
    }

    boolean codecsRegistered() {
      return codecs().stream().allMatch(c -> CodecRegistry.defaultRegistry().has(c.get("id").asText()));
    }

    @Override
    public String toString() {
      return FIXTURES.relativize(file) + ":" + path;
    }
  }

  private static List<FixtureArray> arrays(String relative) {
    Path file = FIXTURES.resolve(relative);
    try {
      JsonNode doc = CodecVectors.JSON.readTree(file.toFile());
      JsonNode refs = doc.get("refs");
      JsonNode manifestFile = null;
      for (JsonNode f : CodecVectors.JSON.readTree(FIXTURES.resolve("manifest.json").toFile()).get("files")) {
        if (f.get("file").asText().equals(relative)) {
          manifestFile = f;
        }
      }
      List<FixtureArray> out = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = refs.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().endsWith(".zarray")) {
          String path = e.getKey().equals(".zarray") ? "" : e.getKey().substring(0, e.getKey().length() - "/.zarray".length());
          JsonNode zarray = e.getValue().isTextual() ? CodecVectors.JSON.readTree(e.getValue().asText()) : e.getValue();
          JsonNode m = null;
          if (manifestFile != null) {
            for (JsonNode a : manifestFile.path("arrays")) {
              if (a.get("path").asText().equals(path)) {
                m = a;
              }
            }
          }
          out.add(new FixtureArray(file, path, zarray, refs, doc.get("templates"), m));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<FixtureArray> codecsFixture() {
    assumeTrue(Files.isDirectory(FIXTURES), "fixtures not found at " + FIXTURES);
    return arrays("zarr/codecs.lindi.json").stream();
  }

  static Stream<FixtureArray> everyJsonFixture() throws IOException {
    assumeTrue(Files.isDirectory(FIXTURES), "fixtures not found at " + FIXTURES);
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      List<String> json = files.filter(p -> p.toString().endsWith(".lindi.json") && !p.toString().contains("broken"))
          .map(p -> FIXTURES.relativize(p).toString()).sorted().collect(Collectors.toList());
      return json.stream().flatMap(f -> arrays(f).stream()).filter(a -> !a.codecs().isEmpty());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecsFixture")
  void everyCodecsFixtureArrayDecodesToTheManifest(FixtureArray a) throws Exception {
    assumeTrue(a.codecsRegistered(), "codec not registered in this build: " + a.codecs());
    int[] chunks = a.chunks();
    int[] shape = new int[a.zarray().get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = a.zarray().get("shape").get(i).asInt();
      assertTrue(i == 0 || shape[i] == chunks[i], "chunked along axis 0 only");
    }
    int rowElements = a.chunkElements() / chunks[0];
    long total = (long) shape[0] * rowElements;
    DType dtype = a.dtype();
    if (dtype.kind() == DType.Kind.OBJECT) {
      List<Object> values = new ArrayList<>();
      for (String key : a.chunkKeys()) {
        Object[] items = (Object[]) a.decode(key);
        for (Object o : items) {
          if (values.size() < total) {
            values.add(o);
          }
        }
      }
      assertEquals(a.manifest().get("values").size(), values.size());
      for (int i = 0; i < values.size(); i++) {
        assertEquals(a.manifest().get("values").get(i).asText(), values.get(i), a + " item " + i);
      }
      return;
    }
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (String key : a.chunkKeys()) {
      ByteSlice s = (ByteSlice) a.decode(key);
      assertEquals((long) a.chunkElements() * dtype.itemSize(), s.length(), a + " chunk " + key + " size");
      all.write(s.array(), s.offset(), s.length());
    }
    byte[] bytes = java.util.Arrays.copyOf(all.toByteArray(), (int) (total * dtype.itemSize()));
    if (dtype.kind() == DType.Kind.UNICODE) {
      JsonNode values = a.manifest().get("values");
      for (int i = 0; i < total; i++) {
        String s = new String(bytes, i * dtype.itemSize(), dtype.itemSize(), java.nio.charset.Charset.forName("UTF-32LE"));
        assertEquals(values.get(i).asText(), s.replace("\0", ""), a + " item " + i);
      }
      return;
    }
    assertEquals('<', dtype.isBigEndian() ? '>' : '<', "the codecs fixture is little-endian");
    assertEquals(a.manifest().get("sha256").asText(), CodecVectors.sha256(ByteSlice.of(bytes)), a + " sha256");
  }

  /** What can be checked without the array reader: each chunk decodes to a whole chunk. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyJsonFixture")
  void everyReadableChunkDecodesToAWholeChunk(FixtureArray a) {
    assumeTrue(a.codecsRegistered(), "codec not registered in this build: " + a.codecs());
    assumeTrue(a.readable(), "chunks are not plain local byte ranges");
    for (String key : a.chunkKeys()) {
      Object decoded = a.decode(key);
      if (decoded instanceof Object[]) {
        assertEquals(a.chunkElements(), ((Object[]) decoded).length, a + " " + key);
      } else {
        assertEquals((long) a.chunkElements() * a.dtype().itemSize(), ((ByteSlice) decoded).length(), a + " " + key);
      }
    }
  }

  @Test
  @Timeout(10)
  void theGarbageZlibChunkIsACodecErrorAndTheOthersDecode() {
    assumeTrue(Files.isDirectory(FIXTURES), "fixtures not found at " + FIXTURES);
    for (FixtureArray a : arrays("broken/garbage_chunk.lindi.json")) {
      for (String key : a.chunkKeys()) {
        if (key.equals("x/1")) {
          long start = System.nanoTime();
          CodecException e = assertThrows(CodecException.class, () -> a.decode(key));
          assertTrue(e.getMessage().startsWith("zlib:"), e.getMessage());
          assertTrue(System.nanoTime() - start < 1_000_000_000L, "fails quickly");
        } else {
          ByteSlice s = assertInstanceOf(ByteSlice.class, a.decode(key));
          assertEquals((long) a.chunkElements() * a.dtype().itemSize(), s.length(), key);
        }
      }
    }
  }
}
