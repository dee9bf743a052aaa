package org.lindi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.zarr.DType;

/**
 * {@code _EXTERNAL_ARRAY_LINK} arrays read through the HDF5 chunk index: every numeric dataset of
 * the generated HDF5 files (1.8 and 1.10+ formats, every chunk index type, gzip + shuffle,
 * fletcher32, blosc, zstd, lz4, bitshuffle, contiguous and compact layouts, edge chunks) wrapped in
 * a {@code .lindi.json} that links to it, decodes to the sha256 h5py reported.
 */
class ExternalArraysTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FILES = {"earliest", "latest", "v108", "userblock", "small_offsets"};
  private static Path dir;

  @BeforeAll
  static void writeLindiFiles() throws Exception {
    dir = Files.createTempDirectory("lindi-external-");
    for (String name : FILES) {
      try (InputStream h5 = resource(name + ".h5")) {
        Files.copy(h5, dir.resolve(name + ".h5"));
      }
      ObjectNode refs = JSON.createObjectNode();
      refs.putObject(".zgroup").put("zarr_format", 2);
      for (Map.Entry<String, JsonNode> e : datasets(name)) {
        JsonNode d = e.getValue();
        ObjectNode zarray = refs.putObject(e.getKey() + "/.zarray");
        zarray.set("shape", d.get("shape"));
        zarray.set("chunks", chunks(d));
        zarray.put("dtype", d.get("dtype").asText());
        zarray.putNull("compressor");
        zarray.putNull("filters");
        zarray.set("fill_value", d.get("fillvalue"));
        zarray.put("order", "C");
        zarray.put("zarr_format", 2);
        ObjectNode link = refs.putObject(e.getKey() + "/.zattrs").putObject("_EXTERNAL_ARRAY_LINK");
        link.put("link_type", "hdf5_dataset").put("url", name + ".h5").put("name", e.getKey());
      }
      ObjectNode rfs = JSON.createObjectNode().put("version", 1);
      rfs.set("refs", refs);
      JSON.writeValue(dir.resolve(name + ".lindi.json").toFile(), rfs);
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  private static InputStream resource(String name) {
    return ExternalArraysTest.class.getResourceAsStream("/hdf5/" + name);
  }

  /** Numeric datasets of a generated file, with their h5py facts. */
  private static List<Map.Entry<String, JsonNode>> datasets(String name) throws Exception {
    JsonNode sidecar;
    try (InputStream in = resource(name + ".json")) {
      sidecar = JSON.readTree(in);
    }
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = sidecar.get("datasets").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode d = e.getValue();
      if (d.has("sha256") && d.hasNonNull("dtype") && numeric(d.get("dtype").asText())) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean numeric(String dtype) {
    try {
      return DType.parse(dtype).isNumeric();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** HDF5 chunks, or for contiguous data about three row blocks (exercises the row split). */
  private static JsonNode chunks(JsonNode d) {
    if (d.hasNonNull("chunks")) {
      return d.get("chunks");
    }
    com.fasterxml.jackson.databind.node.ArrayNode c = JSON.createArrayNode();
    JsonNode shape = d.get("shape");
    for (int k = 0; k < shape.size(); k++) {
      long s = Math.max(1, shape.get(k).asLong());
      c.add(k == 0 && "contiguous".equals(d.path("layout").asText()) ? Math.max(1, (s + 2) / 3) : s);
    }
    return c;
  }

  static Stream<Arguments> cases() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (String name : FILES) {
      for (Map.Entry<String, JsonNode> e : datasets(name)) {
        out.add(Arguments.of(name, e.getKey(), e.getValue()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}.h5 {1}")
  @MethodSource("cases")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void externalArrayMatchesH5py(String file, String dataset, JsonNode facts) throws Exception {
    org.apache.hadoop.fs.Path lindi = new org.apache.hadoop.fs.Path(dir.resolve(file + ".lindi.json").toUri());
    try (LindiFile f = LindiFile.open(lindi, new Configuration())) {
      LindiArray array = f.array(dataset);
      assertTrue(array.isExternal());
      assertArrayEquals(ManifestArraysTest.longs(facts.get("shape")), array.shape());
      ArrayData data = array.read();
      assertEquals(facts.get("sha256").asText(), ManifestArraysTest.sha256(data.bytes()));
      StorageStats stored = array.storage();
      assertTrue(stored.numChunks() <= array.grid().numChunks(), stored.toString());
    }
  }
}
