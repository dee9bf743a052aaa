package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.Fixtures;

/**
 * The values of a 2-D array of plain numbers are read as rows built by bulk copies from the decoded
 * chunks; with {@code lindi.read.unsafeRows=false} as columnar batches. Both give the same rows, with
 * every column (index, value, _file), under index predicates and limits.
 */
class UnsafeRowsTest {
  /** Every 2-D fixture array of signed integers, float32/64 or datetimes that reads without error. */
  static Stream<Arguments> matrices() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode f : Fixtures.files()) {
      for (JsonNode a : f.get("arrays")) {
        String dtype = a.get("dtype").asText();
        boolean plain = "iMm".indexOf(dtype.charAt(1)) >= 0 || dtype.equals("<f4") || dtype.equals("<f8");
        if (a.get("shape").size() == 2 && plain && !a.has("expect_error")) {
          out.add(Arguments.of(f.get("file").asText() + " " + a.get("path").asText(), f.get("file").asText(),
              a.get("path").asText()));
        }
      }
    }
    return out.stream();
  }

  static Dataset<Row> read(String file, String dataset, boolean unsafeRows) {
    return SharedSpark.session().read().format("lindi").option("dataset", dataset)
        .option("lindi.read.unsafeRows", String.valueOf(unsafeRows)).load(Fixtures.uri(file));
  }

  static boolean columnarScan(Dataset<Row> df) {
    List<SparkPlan> plans = new ArrayList<>();
    plans.add(df.queryExecution().executedPlan());
    while (!plans.isEmpty()) {
      SparkPlan p = plans.remove(plans.size() - 1);
      if (p instanceof org.apache.spark.sql.execution.datasources.v2.BatchScanExec) {
        return p.supportsColumnar();
      }
      plans.addAll(scala.jdk.javaapi.CollectionConverters.asJava(p.children()));
    }
    throw new AssertionError("no scan in " + df.queryExecution().executedPlan());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrices")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void rowsAndBatchesGiveTheSameRows(String name, String file, String dataset) {
    List<Function<Dataset<Row>, Dataset<Row>>> queries = List.of(
        df -> df.select("value", "index", "_file").where("index % 7 = 3 OR index BETWEEN 5 AND 9"),
        df -> df.select("_file", "value").where("index >= 2").limit(5));
    for (Function<Dataset<Row>, Dataset<Row>> q : queries) {
      Dataset<Row> rows = q.apply(read(file, dataset, true));
      Dataset<Row> batches = q.apply(read(file, dataset, false));
      assertFalse(columnarScan(rows), "value read as rows");
      assertTrue(columnarScan(batches), "value read as batches when unsafeRows=false");
      // as text: NaN elements (fill/nan_f4) are not equal to themselves
      assertEquals(batches.collectAsList().toString(), rows.collectAsList().toString(), name);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void scansThatDoNotReadValuesStayColumnar() {
    Dataset<Row> df = read("nwb/ephys_session.lindi.json", "acquisition/ElectricalSeries/data", true)
        .select("index");
    assertTrue(columnarScan(df));
    assertEquals(20000, df.count());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void rowsCarryTheTimeColumn() {
    Function<Boolean, List<Row>> q = unsafe -> SharedSpark.session().read().format("lindi")
        .option("dataset", "acquisition/ElectricalSeries/data").option("time", "true")
        .option("lindi.read.unsafeRows", unsafe.toString())
        .load(Fixtures.uri("nwb/ephys_session.lindi.json"))
        .where("index BETWEEN 4990 AND 5010").orderBy("index").collectAsList();
    List<Row> rows = q.apply(true);
    assertEquals(21, rows.size());
    assertEquals(q.apply(false).toString(), rows.toString());
  }
}
