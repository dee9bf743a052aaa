package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;

/**
 * Option {@code layout=table} on the fixture's NWB DynamicTables, checked against the manifest:
 * {@code units} (8 units, {@code spike_times} ragged through {@code spike_times_index}) and the
 * {@code electrodes} table (32 rows; {@code group} object references as target paths, strings),
 * a join of the ElectricalSeries' {@code electrodes} region with it, and several files.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NwbTableTest {
  private static final String JSON = "nwb/ephys_session.lindi.json";
  private static final String TAR = "nwb/ephys_session.lindi.tar";
  private static final String ELECTRODES = "general/extracellular_ephys/electrodes";

  private static Dataset<Row> table(String file, String group) {
    return SharedSpark.session().read().format("lindi").option("layout", "table").option("dataset", group)
        .load(Fixtures.uri(file));
  }

  private static List<Object> manifestValues(String file, String array) {
    JsonNode v = Fixtures.arrayEntry(file, array).get("values");
    if (v.isTextual()) {
      try {
        v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.asText()); // long lists are stored as JSON text
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
    List<Object> out = new ArrayList<>();
    for (JsonNode x : v) {
      out.add(x.isTextual() ? x.asText() : x.isIntegralNumber() ? (Object) x.asLong() : x.asDouble());
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {JSON, TAR})
  void unitsHaveSpikeTimesPerUnit(String file) {
    Dataset<Row> units = table(file, "units");
    assertEquals(List.of("id", "spike_times"), List.of(units.schema().fieldNames()));
    assertEquals(DataTypes.createArrayType(DataTypes.DoubleType, false), units.schema().apply("spike_times").dataType());
    List<Row> rows = units.orderBy("id").collectAsList();
    assertEquals(8, rows.size());
    List<Object> index = manifestValues(file, "units/spike_times_index");
    List<Row> all = SharedSpark.session().read().format("lindi").option("dataset", "units/spike_times")
        .load(Fixtures.uri(file)).orderBy("index").collectAsList();
    assertEquals(1321, all.size());
    long start = 0;
    for (int u = 0; u < 8; u++) {
      assertEquals((long) u, rows.get(u).getLong(0));
      List<Double> spikes = rows.get(u).getList(1);
      long end = (Long) index.get(u);
      assertEquals(end - start, spikes.size(), "spikes of unit " + u);
      for (int k = 0; k < spikes.size(); k++) {
        assertEquals(all.get((int) (start + k)).getDouble(1), spikes.get(k), 0.0);
      }
      start = end;
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {JSON, TAR})
  void electrodesTableMatchesTheManifest(String file) {
    Dataset<Row> t = table(file, ELECTRODES);
    assertEquals(List.of("id", "location", "group", "group_name", "x", "y", "z"), List.of(t.schema().fieldNames()));
    assertEquals(DataTypes.StringType, t.schema().apply("group").dataType());
    List<Row> rows = t.orderBy("id").collectAsList();
    assertEquals(32, rows.size());
    String[] columns = {"location", "group", "group_name", "x", "y", "z"};
    for (int c = 0; c < columns.length; c++) {
      List<Object> expected = manifestValues(file, ELECTRODES + "/" + columns[c]);
      List<Object> got = new ArrayList<>();
      for (Row r : rows) {
        got.add(r.get(c + 1));
      }
      assertEquals(expected, got, columns[c]);
    }
    assertEquals("/general/extracellular_ephys/shank0", rows.get(0).getString(2));
  }

  @Test
  void electricalSeriesRegionJoinsTheElectrodesTable() {
    Dataset<Row> region = SharedSpark.session().read().format("lindi")
        .option("dataset", "acquisition/ElectricalSeries/electrodes").load(Fixtures.uri(TAR));
    Dataset<Row> electrodes = table(TAR, ELECTRODES);
    List<Row> joined = region.join(electrodes, region.col("value").equalTo(electrodes.col("id")))
        .select(region.col("index").as("channel"), electrodes.col("location"), electrodes.col("group_name"))
        .orderBy("channel").collectAsList();
    assertEquals(32, joined.size());
    List<Object> location = manifestValues(TAR, ELECTRODES + "/location");
    for (Row r : joined) {
      assertEquals(location.get((int) r.getLong(0)), r.getString(1), "location of channel " + r.getLong(0));
    }
  }

  @Test
  void severalFilesAreAUnionWithTheirFile() {
    Dataset<Row> units = SharedSpark.session().read().format("lindi").option("layout", "table")
        .option("dataset", "units").load(Fixtures.uri(JSON), Fixtures.uri(TAR)).selectExpr("_file", "id", "size(spike_times)");
    List<Row> rows = units.collectAsList();
    assertEquals(16, rows.size());
    assertEquals(2, rows.stream().map(r -> r.getString(0)).distinct().count());
    assertEquals(2 * 1321, rows.stream().mapToLong(r -> r.getInt(2)).sum());
  }

  @Test
  void columnsAreReadOnlyWhenSelectedAndFiltersStayWithSpark() {
    Dataset<Row> df = table(TAR, ELECTRODES).where("location = 'CA3'").select("id");
    List<Row> rows = df.collectAsList();
    List<Object> location = manifestValues(TAR, ELECTRODES + "/location");
    long ca3 = location.stream().filter("CA3"::equals).count();
    assertEquals(ca3, rows.size());
    assertEquals(List.of("id", "location"), List.of(ScanProbe.of(df).scan().readSchema().fieldNames()));
    assertEquals(8L, table(JSON, "units").count());
  }

  @Test
  void tableLayoutOnAnArrayIsRefused() {
    Exception e = assertThrows(Exception.class, () -> table(TAR, "units/spike_times").collectAsList());
    String m = Failures.messages(e);
    assertTrue(m.contains("not an NWB DynamicTable") && m.contains("units/spike_times"), m);
  }
}
