package org.lindi.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.Fixtures;

/** The NWB examples of the README, run on the NWB fixture (30 kHz, 20000 samples, 8 units, 32 electrodes). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadmeNwbExampleTest {
  private static final String FILE = Fixtures.uri("nwb/ephys_session.lindi.tar");

  @Test
  void nwbExamples() {
    Dataset<Row> ephys = SharedSpark.session().read().format("lindi")
        .option("dataset", "acquisition/ElectricalSeries/data").option("time", "true").load(FILE);
    assertEquals("struct<index:bigint,time:double,value:array<smallint>>", ephys.schema().simpleString());
    List<Row> window = ephys.where("time >= 0.5 AND time < 0.55").select("time", "value").collectAsList();
    assertEquals(1500, window.size());
    assertTrue(window.stream().allMatch(r -> r.getDouble(0) >= 0.5 && r.getDouble(0) < 0.55));

    Dataset<Row> units = SharedSpark.session().read().format("lindi").option("layout", "table")
        .option("dataset", "units").load(FILE);
    List<Row> early = units.select(col("id"), size(col("spike_times")).as("spikes"),
        explode(col("spike_times")).as("t")).where("t < 1.0").collectAsList();
    assertEquals(1321, early.size(), "every fixture spike is in the first second");

    Dataset<Row> region = SharedSpark.session().read().format("lindi")
        .option("dataset", "acquisition/ElectricalSeries/electrodes").load(FILE);
    Dataset<Row> electrodes = SharedSpark.session().read().format("lindi").option("layout", "table")
        .option("dataset", "general/extracellular_ephys/electrodes").load(FILE);
    List<Row> channels = region.join(electrodes, region.col("value").equalTo(electrodes.col("id")))
        .select(region.col("index").as("channel"), col("location"), col("group"), col("x"), col("y"))
        .collectAsList();
    assertEquals(32, channels.size());
    assertTrue(channels.stream().allMatch(r -> r.getString(2).startsWith("/general/extracellular_ephys/shank")));
  }
}
