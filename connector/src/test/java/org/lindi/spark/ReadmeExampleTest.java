package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.Fixtures;

/** The ephys example of README-read.md, run on the NWB fixture (20000 samples x 32 channels). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadmeExampleTest {
  @Test
  void ephysExample() {
    Dataset<Row> data = SharedSpark.session().read().format("lindi")
        .option("dataset", "acquisition/ElectricalSeries/data")
        .load(Fixtures.uri("nwb/ephys_session.lindi.tar"));
    assertEquals("struct<index:bigint,value:array<smallint>>", data.schema().simpleString());

    Dataset<Row> window = data.where("index BETWEEN 3000 AND 5999");
    assertEquals(3000, window.count());

    List<Row> means = data.groupBy(functions.floor(functions.col("index").divide(5000)).as("second"))
        .agg(functions.avg(functions.col("value").getItem(3)).as("ch3_mean"))
        .orderBy("second")
        .collectAsList();
    assertEquals(4, means.size());
    List<Row> all = data.collectAsList();
    for (int s = 0; s < 4; s++) {
      double sum = 0;
      for (int i = s * 5000; i < (s + 1) * 5000; i++) {
        sum += ((Number) all.get(i).getList(1).get(3)).doubleValue();
      }
      assertEquals(sum / 5000, means.get(s).getDouble(1), 1e-9, "mean of channel 3 in block " + s);
    }

    List<Row> arrays = SharedSpark.session().read().format("lindi").load(Fixtures.uri("nwb/ephys_session.lindi.tar"))
        .where("kind = 'array'")
        .select("path", "dtype", "shape", "chunks", "num_chunks", "stored_bytes")
        .collectAsList();
    assertTrue(arrays.stream().anyMatch(r -> r.getString(0).equals("acquisition/ElectricalSeries/data")
        && r.getString(1).equals("<i2") && r.getList(2).equals(List.of(20000L, 32L))), arrays.toString());
  }
}
