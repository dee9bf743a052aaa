package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.Fixtures;
import org.lindi.zarr.DType;

/**
 * Every array of {@code manifest.json} read through Spark in the {@code rows} layout decodes to its
 * sha256 and values; arrays marked {@code expect_error} fail with a LINDI error naming the file.
 */
class RowsLayoutTest {
  static Stream<Arguments> arrays() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode f : Fixtures.files()) {
      for (JsonNode a : f.get("arrays")) {
        out.add(Arguments.of(f.get("file").asText() + " " + a.get("path").asText(), f, a));
      }
    }
    return out.stream();
  }

  static Dataset<Row> read(String file, String dataset) {
    return SharedSpark.session().read().format("lindi").option("dataset", dataset).load(Fixtures.uri(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arrays")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void arrayMatchesManifest(String name, JsonNode file, JsonNode entry) {
    String fileName = file.get("file").asText();
    String path = entry.get("path").asText();
    if (entry.has("expect_error")) {
      Exception e = assertThrows(Exception.class, () -> read(fileName, path).collectAsList());
      Failures.assertLindiError(e, entry.get("expect_error").asText(), fileName.substring(fileName.lastIndexOf('/') + 1));
      return;
    }
    List<Row> rows = read(fileName, path).collectAsList();
    long[] shape = longs(entry.get("shape"));
    assertEquals(shape.length == 0 ? 1 : shape[0], rows.size(), "one row per position along axis 0");
    List<Object> leaves = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(i, rows.get(i).getLong(0), "rows come in index order");
      ExpectedValues.flatten(rows.get(i).get(1), leaves);
    }
    if (entry.has("sha256")) {
      DType dtype = DType.parse(entry.get("dtype").asText());
      assertEquals(entry.get("sha256").asText(), ExpectedValues.sha256(leaves, dtype), "sha256 of " + name);
    }
    if (entry.has("values")) {
      ExpectedValues.assertValues(entry, leaves, name);
    }
  }

  static long[] longs(JsonNode a) {
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asLong();
    }
    return out;
  }

}
