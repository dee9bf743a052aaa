package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lindi.JsonAssertions.assertJsonEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.Fixtures;
import org.lindi.zarr.DType;

/**
 * The catalog (no {@code dataset} option) lists every node of the manifest with its kind
 * ({@code soft_link} is {@code link}), dtype, shape, attributes (numbers compared by value,
 * references as target paths) and link target, in the schema of SPEC section 6.
 */
class CatalogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> files() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode f : Fixtures.files()) {
      out.add(Arguments.of(f.get("file").asText(), f));
    }
    return out.stream();
  }

  @Test
  void schemaIsTheSpecs() {
    assertEquals(List.of("path", "kind", "dtype", "shape", "chunks", "compressor", "filters", "attributes",
        "target", "num_chunks", "stored_bytes"), List.of(SharedSpark.session().read().format("lindi")
        .load(Fixtures.uri("lindi1/groups_attrs.lindi")).schema().fieldNames()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void catalogListsTheManifestNodes(String name, JsonNode file) throws Exception {
    if (file.has("expect_error") && file.get("arrays").size() == 0) {
      Exception e = assertThrows(Exception.class, () -> SharedSpark.session().read().format("lindi")
          .load(Fixtures.uri(name)).collectAsList());
      String fileName = name.substring(name.lastIndexOf('/') + 1);
      assertTrue(Failures.messages(e).contains(fileName), "names the file: " + Failures.messages(e));
      return;
    }
    List<Row> rows = SharedSpark.session().read().format("lindi").load(Fixtures.uri(name)).collectAsList();
    Map<String, Row> byPath = new HashMap<>();
    for (Row r : rows) {
      byPath.put(r.getString(0), r);
    }
    Map<String, JsonNode> arrays = new HashMap<>();
    file.get("arrays").forEach(a -> arrays.put(a.get("path").asText(), a));
    TreeSet<String> expected = new TreeSet<>();
    for (JsonNode n : file.get("nodes")) {
      String path = n.get("path").asText();
      expected.add(path);
      Row r = byPath.get(path);
      assertNotNull(r, "node /" + path);
      String kind = n.get("kind").asText();
      assertEquals(kind.equals("soft_link") ? "link" : kind, r.getAs("kind"), "kind of /" + path);
      if (kind.equals("soft_link")) {
        assertEquals(n.get("attrs").get("target").asText(), r.getAs("target"), "target of /" + path);
        continue;
      }
      assertJsonEquals(n.get("attrs"), JSON.readTree((String) r.getAs("attributes")), "attributes of /" + path);
      JsonNode a = arrays.get(path);
      if (a == null) {
        assertNull(r.getAs("dtype"), "groups have no dtype");
        continue;
      }
      if (a.has("expect_error")) {
        continue; // listed (above) even when its .zarray is broken; RowsLayoutTest checks the error
      }
      assertEquals(a.get("shape").toString(), JSON.writeValueAsString(r.getList(r.fieldIndex("shape"))),
          "shape of /" + path);
      assertDtype(a.get("dtype").asText(), r.getAs("dtype"), path);
      // external arrays count their chunks from the HDF5 chunk index
      assertNotNull(r.getAs("num_chunks"), "num_chunks of /" + path);
      assertTrue((Long) r.getAs("stored_bytes") >= 0);
    }
    assertEquals(expected, new TreeSet<>(byPath.keySet()), "every node and nothing else");
  }

  /**
   * The catalog shows the stored dtype of {@code .zarray}: the manifest's logical dtype, except
   * compound datasets ({@code |V<n>} in the manifest, stored as {@code |O} json2) and h5py's
   * variable-length strings ({@code |O}), which LINDI may store as fixed {@code U}/{@code S}.
   */
  private static void assertDtype(String manifest, String catalog, String path) {
    assertNotNull(catalog, "dtype of /" + path);
    if (manifest.startsWith("|V")) {
      assertEquals("|O", catalog, "compound /" + path);
    } else if (manifest.equals("|O")) {
      DType.Kind k = DType.parse(catalog).kind();
      assertTrue(k == DType.Kind.OBJECT || k == DType.Kind.UNICODE || k == DType.Kind.BYTES,
          "strings of /" + path + " stored as " + catalog);
    } else {
      assertEquals(DType.parse(manifest), DType.parse(catalog), "dtype of /" + path);
    }
  }
}
