package org.lindi.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;
import org.lindi.LindiFile;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/**
 * Appending to files LINDI's Python code wrote (copies of the shared fixtures): twice, so the
 * second commit reuses what the first superseded. Every array of the manifest still reads to its
 * sha256, the new arrays read back, and zarr-python (with LINDI's tar rules) and {@code tar -tf}
 * accept the result.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FixtureAppendTest {
  static final Configuration CONF = new Configuration();

  @TempDir(factory = ShmTempDir.class)
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"lindi1/pr88_example.lindi", "lindi1/ephys_int16_gzip.lindi",
      "lindi1/groups_attrs.lindi", "native/native.lindi.tar", "native/native_grown.lindi.tar",
      "nwb/ephys_session.lindi.tar"})
  void appendingKeepsEverythingLindiWrote(String fixture) throws Exception {
    Path source = Fixtures.file(fixture);
    Path file = dir.resolve(source.getFileName());
    Files.copy(source, file);
    for (Path sibling : List.of(source.resolveSibling("ephys_session.h5"))) {
      if (Files.exists(sibling)) {
        Files.copy(sibling, dir.resolve(sibling.getFileName()));
      }
    }
    JsonNode entry = manifestEntry(fixture);
    Map<String, String> expected = new LinkedHashMap<>();
    for (JsonNode a : entry.get("arrays")) {
      if (a.hasNonNull("sha256") && !a.path("external").asBoolean(false)) {
        expected.put(a.get("path").asText(), a.get("sha256").asText());
      }
    }
    DType f4 = DType.parse("<f4");
    ArrayMetadata meta = TestArrays.meta(new long[] {3000, 4}, new int[] {1000, 4}, "<f4", "0",
        "{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}", null);
    for (int round = 0; round < 2; round++) {
      byte[] data = TestArrays.values(f4, 12000, round);
      try (LindiWriter w = LindiWriter.open(new org.apache.hadoop.fs.Path(file.toUri()), CONF)) {
        String path = "added/by_java_" + round;
        w.createArray(path, meta, TestArrays.json("{\"round\":" + round + "}"));
        w.write(path, new long[] {0, 0}, new long[] {3000, 4}, data);
        ObjectNode root = w.attributes("");
        root.put("appended_by", "lindi-java " + round);
        w.setAttributes("", root);
        expected.put(path, TestArrays.sha256(data));
      }
    }
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), CONF)) {
      assertEquals("lindi-java 1", f.root().attributes().get("appended_by").asText());
      for (Map.Entry<String, String> e : expected.entrySet()) {
        assertEquals(e.getValue(), TestArrays.sha256(f.array(e.getKey()).read().bytes()), e.getKey());
      }
      for (JsonNode a : entry.get("arrays")) {
        assertTrue(f.node(a.get("path").asText()) != null, "kept " + a.get("path"));
      }
    }
    if (fixture.endsWith(".tar")) {
      List<String> listed = tarList(file);
      assertTrue(listed.contains("lindi.json") && listed.contains(".tar_index.json"), listed.toString());
      assertTrue(listed.stream().anyMatch(n -> n.startsWith("blobs/added/by_java_1/")), listed.toString());
      assertTrue(listed.stream().anyMatch(n -> n.startsWith(".trash/")), listed.toString());
      byte[] all = Files.readAllBytes(file);
      assertArrayEquals(new byte[1024], java.util.Arrays.copyOfRange(all, all.length - 1024, all.length));
    }
    PythonChecker.check(file, expected);
  }

  static List<String> tarList(Path file) throws Exception {
    Process p = new ProcessBuilder("tar", "-tf", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "tar -tf " + file + ":\n" + out);
    return List.of(out.split("\n"));
  }

  static JsonNode manifestEntry(String fixture) throws Exception {
    JsonNode m = TestArrays.JSON.readTree(Fixtures.file("manifest.json").toFile());
    for (JsonNode f : m.get("files")) {
      if (f.get("file").asText().equals(fixture)) {
        return f;
      }
    }
    throw new IllegalArgumentException(fixture);
  }
}
