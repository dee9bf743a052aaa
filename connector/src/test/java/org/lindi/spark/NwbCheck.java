package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lindi.Fixtures;

/** NWB reads of the ephys fixture from any location: a time window, and the units table. */
final class NwbCheck {
  private static final String FIXTURE = "nwb/ephys_session.lindi.json";

  private NwbCheck() {}

  /** {@code location} is a copy of {@code nwb/ephys_session.lindi.json} (or its tar). */
  static void assertTimeWindowAndUnits(SparkSession spark, String location) {
    // 30 kHz from starting_time 0: [0.2, 0.3) is rows 6000..8999
    List<Row> window = spark.read().format("lindi").option("dataset", "acquisition/ElectricalSeries/data")
        .option("time", "true").load(location).where("time >= 0.2 AND time < 0.3")
        .select("index", "time").orderBy("index").collectAsList();
    assertEquals(3000, window.size());
    assertEquals(6000L, window.get(0).getLong(0));
    assertEquals(6000 / 30000.0, window.get(0).getDouble(1), 0.0);
    assertEquals(8999L, window.get(window.size() - 1).getLong(0));

    List<Row> units = spark.read().format("lindi").option("layout", "table").option("dataset", "units")
        .load(location).orderBy("id").collectAsList();
    JsonNode index = Fixtures.arrayEntry(FIXTURE, "units/spike_times_index").get("values");
    assertEquals(index.size(), units.size(), "one row per unit");
    long previous = 0;
    for (int u = 0; u < units.size(); u++) {
      long end = index.get(u).asLong();
      assertEquals(end - previous, units.get(u).getList(1).size(), "spike times of unit " + u);
      previous = end;
    }
  }
}
