package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;
import org.lindi.spark.read.ArrayPartition;
import org.lindi.spark.read.ReadMetrics;

/**
 * Option {@code time=true} on the fixture's ElectricalSeries (int16 [20000, 32], chunks of 5000
 * rows, {@code starting_time} 0 with rate 30000): the time column is {@code starting_time + i / rate},
 * time windows return exactly the rows a brute force over all rows selects and read only the rows
 * of chunks they need, and nothing about time is done when the column is not read.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NwbTimeTest {
  private static final String EPHYS = "nwb/ephys_session.lindi.tar";
  private static final String EPHYS_JSON = "nwb/ephys_session.lindi.json";
  private static final String DATA = "acquisition/ElectricalSeries/data";
  private static final int CHUNK_ROWS = 5000;
  private static List<Row> all;

  static Dataset<Row> read(String file) {
    return SharedSpark.session().read().format("lindi").option("dataset", DATA).option("time", "true")
        .option("maxPartitionBytes", "0").load(Fixtures.uri(file));
  }

  @BeforeAll
  static void readWhole() {
    all = read(EPHYS).collectAsList();
  }

  @Test
  void timeIsStartingTimePlusIndexOverRate() {
    assertEquals(List.of("index", "time", "value"), List.of(read(EPHYS).schema().fieldNames()));
    assertEquals(20000, all.size());
    for (Row r : all) {
      assertEquals(0.0 + (double) r.getLong(0) / 30000.0, r.getDouble(1), 0.0, "time of index " + r.getLong(0));
    }
    assertEquals(32, all.get(0).getList(2).size());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "time >= 0.2 AND time < 0.3",
      "time >= 0.1 AND time < 0.2",
      "time > 0.1 AND time <= 0.2",
      "time BETWEEN 0.5 AND 0.55",
      "time = 0.25",
      "time IN (0.01, 0.4, 0.6666)",
      "time < 0.0001 OR time > 0.66663",
      "time >= 0.3 AND index < 9500",
      "time > 5",
  })
  void timeWindowReturnsExactlyItsRowsAndReadsOnlyItsChunks(String where) {
    Dataset<Row> df = read(EPHYS).where(where);
    List<Row> rows = df.collectAsList();
    DoublePredicate accepts = predicate(where);
    List<Row> expected = new ArrayList<>();
    java.util.Set<Long> chunkRows = new java.util.TreeSet<>();
    for (Row r : all) {
      boolean indexOk = !where.contains("index < 9500") || r.getLong(0) < 9500;
      if (indexOk && accepts.test(r.getDouble(1))) {
        expected.add(r);
        chunkRows.add(r.getLong(0) / CHUNK_ROWS);
      }
    }
    assertEquals(expected, rows, "rows of " + where);
    ScanProbe probe = ScanProbe.of(df);
    assertEquals(chunkRows.size(), probe.scan().plan().chunkCount(), "rows of chunks planned for " + where);
    assertEquals(chunkRows.size(), probe.metric(ReadMetrics.CHUNKS_READ), "chunks read for " + where);
    assertTrue(probe.scan().description().contains("time="), probe.scan().description());
  }

  /** The brute-force form of each window above (what Spark would compute on every row). */
  private static DoublePredicate predicate(String where) {
    switch (where) {
      case "time >= 0.2 AND time < 0.3":
        return t -> t >= 0.2 && t < 0.3;
      case "time >= 0.1 AND time < 0.2":
        return t -> t >= 0.1 && t < 0.2;
      case "time > 0.1 AND time <= 0.2":
        return t -> t > 0.1 && t <= 0.2;
      case "time BETWEEN 0.5 AND 0.55":
        return t -> t >= 0.5 && t <= 0.55;
      case "time = 0.25":
        return t -> t == 0.25;
      case "time IN (0.01, 0.4, 0.6666)":
        return t -> t == 0.01 || t == 0.4 || t == 0.6666;
      case "time < 0.0001 OR time > 0.66663":
        return t -> t < 0.0001 || t > 0.66663;
      case "time >= 0.3 AND index < 9500":
        return t -> t >= 0.3;
      case "time > 5":
        return t -> t > 5;
      default:
        throw new IllegalArgumentException(where);
    }
  }

  @Test
  void windowOfOneRowOfChunksPlansOnePartition() {
    Dataset<Row> df = read(EPHYS).where("time >= 0.2 AND time < 0.3");
    assertEquals(3000, df.collectAsList().size());
    ScanProbe probe = ScanProbe.of(df);
    assertEquals(1, probe.partitions());
    ArrayPartition p = (ArrayPartition) probe.scan().planInputPartitions()[0];
    assertEquals(5000, p.firstRow());
    assertEquals(10000, p.endRow());
  }

  @Test
  void noTimeWorkWhenTimeIsNotRead() {
    Dataset<Row> df = read(EPHYS).where("time >= 0.2 AND time < 0.3").select("index", "value");
    assertEquals(3000, df.collectAsList().size());
    for (var p : ScanProbe.of(df).scan().planInputPartitions()) {
      assertNull(((ArrayPartition) p).time(), "no time source when time is not selected");
    }
    Dataset<Row> count = read(EPHYS).where("time < 0.1").groupBy().count();
    assertEquals(3000L, count.first().getLong(0));
    assertEquals(0, ScanProbe.of(count).metric(ReadMetrics.CHUNKS_READ), "count decodes nothing");
  }

  @Test
  void severalFilesEachMapTheWindowThroughTheirOwnAxis() {
    Dataset<Row> df = SharedSpark.session().read().format("lindi").option("dataset", DATA).option("time", "true")
        .load(Fixtures.uri(EPHYS), Fixtures.uri(EPHYS_JSON)).where("time >= 0.6 AND time < 0.61")
        .selectExpr("_file", "index", "time");
    List<Row> rows = df.collectAsList();
    assertEquals(2 * 300, rows.size());
    assertEquals(2, rows.stream().map(r -> r.getString(0)).distinct().count());
    assertTrue(rows.stream().allMatch(r -> r.getDouble(2) >= 0.6 && r.getDouble(2) < 0.61));
  }

  @Test
  void timeOnAnArrayThatIsNoTimeSeriesDataIsRefused() {
    Exception e = assertThrows(Exception.class, () -> SharedSpark.session().read().format("lindi")
        .option("dataset", "units/spike_times").option("time", "true").load(Fixtures.uri(EPHYS)).collectAsList());
    String m = Failures.messages(e);
    assertTrue(m.contains("not the data of an NWB TimeSeries") && m.contains("units/spike_times"), m);
    Exception chunks = assertThrows(Exception.class, () -> SharedSpark.session().read().format("lindi")
        .option("dataset", DATA).option("time", "true").option("layout", "chunks").load(Fixtures.uri(EPHYS))
        .collectAsList());
    assertTrue(Failures.messages(chunks).contains("layout rows"), Failures.messages(chunks));
  }
}
