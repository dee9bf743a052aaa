package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lindi.Fixtures;
import org.lindi.zarr.DType;

/** Reads one manifest array in the rows layout from any location and checks it against the manifest. */
final class ManifestCheck {
  private ManifestCheck() {}

  /** Reads {@code dataset} of {@code location} (a copy of fixture {@code file}) and asserts its sha256/values. */
  static void assertArray(SparkSession spark, String location, String file, String dataset) {
    JsonNode entry = Fixtures.arrayEntry(file, dataset);
    List<Row> rows = spark.read().format("lindi").option("dataset", dataset).load(location).collectAsList();
    List<Object> leaves = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(i, rows.get(i).getLong(0), "index");
      ExpectedValues.flatten(rows.get(i).get(1), leaves);
    }
    if (entry.has("sha256")) {
      assertEquals(entry.get("sha256").asText(),
          ExpectedValues.sha256(leaves, DType.parse(entry.get("dtype").asText())), "sha256 of " + dataset);
    }
    if (entry.has("values")) {
      ExpectedValues.assertValues(entry, leaves, location + " " + dataset);
    }
  }
}
