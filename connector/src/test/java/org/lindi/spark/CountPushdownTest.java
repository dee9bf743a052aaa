package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;
import org.lindi.spark.read.LindiScan;
import org.lindi.spark.read.ReadMetrics;

/**
 * COUNT(*) / COUNT(1) / COUNT of a non-nullable column, with no GROUP BY or GROUP BY {@code _file},
 * over the rows layout with only exact (pushed) predicates on {@code index} and {@code time}, is
 * answered from the arrays' shapes: the scan returns the counts, Spark does not aggregate again, and
 * the result equals counting the rows the unpushed scan returns. Anything else is not pushed.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CountPushdownTest {
  private static final String EPHYS = "nwb/ephys_session.lindi.tar";
  private static final String EPHYS_DATA = "acquisition/ElectricalSeries/data";

  @TempDir
  static Path dir;
  private static String tiny;
  private static String irregular;
  private static double[] timestamps;

  @BeforeAll
  static void write() throws Exception {
    Path t = Files.createDirectories(dir.resolve("tiny"));
    TinyLindi.inline(t, "a_short.lindi.json", 5, 3);
    TinyLindi.inline(t, "b_long.lindi.json", 12, 3);
    tiny = t.toUri() + "*.lindi.json";
    Random random = new Random(7);
    int n = 3000;
    timestamps = new double[n];
    timestamps[0] = 2.0;
    List<String> labels = new ArrayList<>();
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        timestamps[i] = random.nextInt(30) == 0 ? timestamps[i - 1] : timestamps[i - 1] + 1e-3 * random.nextDouble();
      }
      values[i] = i;
      labels.add(i % 7 == 0 ? null : "s" + i);
    }
    irregular = new SyntheticNwb().group("acquisition", null)
        .group("acquisition/ts", SyntheticNwb.attrs().put("neurodata_type", "TimeSeries"))
        .float64("acquisition/ts/data", values, 1000)
        .float64("acquisition/ts/timestamps", timestamps, 700)
        .group("acquisition/labels", SyntheticNwb.attrs().put("neurodata_type", "TimeSeries"))
        .strings("acquisition/labels/data", labels, 1000)
        .float64("acquisition/labels/timestamps", timestamps, 700)
        .write(dir, "irregular.lindi.json");
  }

  private static SparkSession spark() {
    return SharedSpark.session();
  }

  private static Dataset<Row> read(String dataset, String path) {
    return spark().read().format("lindi").option("dataset", dataset).load(path);
  }

  private static LindiScan scan(Dataset<?> df) {
    return ScanProbe.of(df).scan();
  }

  /** Counts what the scan returns row by row: no aggregate is there to push. */
  private static long unpushed(Dataset<Row> df) {
    return df.toJavaRDD().count();
  }

  private static void assertPushed(Dataset<Row> counts, String aggregate) {
    LindiScan s = scan(counts);
    assertNotNull(s.count(), "pushed: " + s.description());
    assertTrue(s.description().contains("aggregate=[" + aggregate), s.description());
    String logical = counts.queryExecution().optimizedPlan().toString();
    assertFalse(logical.contains("Aggregate"), "complete: Spark does not aggregate again\n" + logical);
    String explained = counts.queryExecution().explainString(
        org.apache.spark.sql.execution.SimpleMode$.MODULE$);
    assertTrue(explained.contains("aggregate=[" + aggregate), explained);
  }

  private static void assertNotPushed(Dataset<Row> df) {
    LindiScan s = scan(df);
    assertNull(s.count(), "not pushed: " + s.description());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "nwb/ephys_session.lindi.tar, acquisition/ElectricalSeries/data",
      "h5conv/sample.lindi.json, acquisition/ephys/data",
      "h5conv/sample.lindi.json, acquisition/ephys/empty_f4",
      "h5conv/sample.lindi.json, scalar_f",
      "lindi1/groups_attrs.lindi, processing/behavior/position",
      "zarr/layouts.lindi.json, fill/missing_i2",
      "native/native.lindi.d, grp/strs",
  })
  void countStarIsTheLengthOfAxisZero(String file, String dataset) {
    Dataset<Row> df = read(dataset, Fixtures.uri(file));
    var entry = Fixtures.arrayEntry(file, dataset);
    long axis0 = entry.get("shape").size() == 0 ? 1 : entry.get("shape").get(0).asLong();
    assertEquals(axis0, unpushed(df), "the unpushed scan returns one row per index");
    Dataset<Row> counts = df.groupBy().count();
    assertEquals(List.of(axis0), List.of(counts.first().getLong(0)));
    assertPushed(counts, "COUNT(*)");
    df.createOrReplaceTempView("counted");
    Dataset<Row> sql = spark().sql("SELECT count(1), count(index), count(*) FROM counted");
    Row r = sql.first();
    assertEquals(List.of(axis0, axis0, axis0), List.of(r.getLong(0), r.getLong(1), r.getLong(2)));
    assertPushed(sql, "COUNT(");
  }

  @Test
  void countAnswersFromShapesWithoutReadingChunks() {
    Dataset<Row> counts = read(EPHYS_DATA, Fixtures.uri(EPHYS)).where("index >= 100").groupBy().count();
    assertEquals(19900L, counts.first().getLong(0));
    ScanProbe probe = ScanProbe.of(counts);
    assertEquals(1, probe.partitions(), "one tiny partition");
    assertEquals(0, probe.metric(ReadMetrics.CHUNKS_READ));
    assertEquals(0, probe.metric(ReadMetrics.BYTES_FETCHED));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "index >= 4990 AND index < 5010",
      "index IN (7, 12001, 30000) OR (index >= 17000 AND index < 17002)",
      "index BETWEEN 5000 AND 9999",
      "NOT (index < 100) AND index <= 19990",
      "index >= 20000",
      "index < -5",
      "index = 19999",
  })
  void exactIndexPredicatesArePushedWithTheCount(String where) {
    Dataset<Row> df = read(EPHYS_DATA, Fixtures.uri(EPHYS)).where(where);
    Dataset<Row> counts = df.groupBy().count();
    assertEquals(unpushed(df), counts.first().getLong(0), where);
    assertPushed(counts, "COUNT(*)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "value[0] > 0",
      "index < 100 OR value[3] < 0",
      "index % 2 = 0",
      "index < 5000 AND value[0] = 4",
  })
  void predicatesSparkStillAppliesStopThePush(String where) {
    Dataset<Row> df = read(EPHYS_DATA, Fixtures.uri(EPHYS)).where(where);
    Dataset<Row> counts = df.groupBy().count();
    long expected = unpushed(df);
    assertTrue(expected > 0 && expected < 20000, where + ": " + expected);
    assertEquals(expected, counts.first().getLong(0), where);
    assertNotPushed(counts);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"time >= 0.2 AND time < 0.3", "time < 0.1 OR time >= 0.6", "time > 100",
      "index < 4000 AND time >= 0.1"})
  void timeWindowsAtARateAreExactCounts(String where) {
    Dataset<Row> df = spark().read().format("lindi").option("dataset", EPHYS_DATA).option("time", "true")
        .load(Fixtures.uri(EPHYS)).where(where);
    Dataset<Row> counts = df.groupBy().count();
    assertEquals(unpushed(df), counts.first().getLong(0), where);
    assertPushed(counts, "COUNT(*)");
  }

  @ParameterizedTest(name = "timestamps[{0}] <= time <= timestamps[{1}]")
  @CsvSource({"0, 2999", "1100, 2400", "3, 650", "2999, 2999", "1500, 1501"})
  void timeWindowsOverTimestampsAreExactCounts(int from, int to) {
    double lo = timestamps[from];
    double hi = timestamps[to];
    long brute = 0;
    for (double t : timestamps) {
      brute += t >= lo && t <= hi ? 1 : 0;
    }
    Dataset<Row> df = spark().read().format("lindi").option("dataset", "acquisition/ts/data").option("time", "true")
        .load(irregular).where("time >= " + lo + " AND time <= " + hi);
    Dataset<Row> counts = df.groupBy().count();
    assertEquals(brute, unpushed(df));
    assertEquals(brute, counts.first().getLong(0));
    assertPushed(counts, "COUNT(*)");
    Dataset<Row> times = df.selectExpr("count(time)");
    assertEquals(brute, times.first().getLong(0));
    assertPushed(times, "COUNT("); // Spark counts a non-nullable column as COUNT(*)
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "index < 3", "index >= 5", "index >= 100", "index IN (0, 11)"})
  void groupByFileGivesEachFilesCount(String where) {
    Dataset<Row> df = read("x", tiny);
    if (!where.isEmpty()) {
      df = df.where(where);
    }
    Map<String, Long> expected = new TreeMap<>();
    for (Row r : df.select("_file").collectAsList()) {
      expected.merge(r.getString(0), 1L, Long::sum);
    }
    Dataset<Row> perFile = df.groupBy("_file").count();
    Map<String, Long> got = new TreeMap<>();
    for (Row r : perFile.collectAsList()) {
      assertNull(got.put(r.getString(0), r.getLong(1)), "one row per file");
    }
    assertEquals(expected, got, "no row for a file without selected rows: " + where);
    assertPushed(perFile, "COUNT(*) GROUP BY _file");
    Dataset<Row> total = df.groupBy().count();
    assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), total.first().getLong(0));
    assertPushed(total, "COUNT(*)");
  }

  @Test
  void globsOfFixturesAddUp() {
    Dataset<Row> df = read("grp/gzip_i2", Fixtures.dir().resolve("native").toUri() + "native*.lindi.tar");
    Dataset<Row> counts = df.where("index < 15000").groupBy().count();
    assertEquals(30000L, counts.first().getLong(0));
    assertPushed(counts, "COUNT(*)");
    Dataset<Row> perFile = df.groupBy("_file").count().orderBy("_file");
    List<Row> rows = perFile.collectAsList();
    assertEquals(2, rows.size());
    assertTrue(rows.get(0).getString(0).endsWith("native.lindi.tar"), rows.toString());
    assertTrue(rows.get(1).getString(0).endsWith("native_grown.lindi.tar"), rows.toString());
    assertEquals(List.of(20000L, 20000L), List.of(rows.get(0).getLong(1), rows.get(1).getLong(1)));
    assertNotNull(scan(perFile).count(), scan(perFile).description());
  }

  @Test
  void countOfANullableColumnIsNotPushedButANonNullableOneIs() {
    Dataset<Row> labels = spark().read().format("lindi").option("dataset", "acquisition/labels/data")
        .load(irregular);
    Dataset<Row> values = labels.selectExpr("count(value)");
    assertEquals(3000L - 429, values.first().getLong(0), "the 429 null strings are not counted");
    assertNotPushed(values);
    Dataset<Row> ephys = read(EPHYS_DATA, Fixtures.uri(EPHYS)).selectExpr("count(value)", "count(_file)");
    Row r = ephys.first();
    assertEquals(List.of(20000L, 20000L), List.of(r.getLong(0), r.getLong(1)));
    assertPushed(ephys, "COUNT("); // Spark counts a non-nullable column as COUNT(*)
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT count(DISTINCT index) FROM ephys",
      "SELECT count(*), max(index) FROM ephys",
      "SELECT count(*), sum(1) FROM ephys",
      "SELECT count(value[0]) FROM ephys",
      "SELECT index % 2 AS k, count(*) FROM ephys GROUP BY index % 2",
      "SELECT count(*) FROM (SELECT * FROM ephys LIMIT 10)",
  })
  void otherAggregatesAreNotPushed(String query) {
    read(EPHYS_DATA, Fixtures.uri(EPHYS)).createOrReplaceTempView("ephys");
    Dataset<Row> df = spark().sql(query);
    List<Row> rows = df.collectAsList();
    assertFalse(rows.isEmpty());
    long n = rows.get(0).getLong(query.contains("GROUP BY") ? 1 : 0);
    long expected = query.contains("GROUP BY") ? 10000 : query.contains("LIMIT") ? 10 : 20000;
    assertEquals(expected, n, query);
    assertNotPushed(df);
  }

  @Test
  void aLimitOverTheCountKeepsItsOneRow() {
    read(EPHYS_DATA, Fixtures.uri(EPHYS)).createOrReplaceTempView("ephys");
    Dataset<Row> df = spark().sql("SELECT count(*) FROM ephys WHERE index < 7 LIMIT 1");
    assertEquals(List.of(7L), List.of(df.first().getLong(0)));
    assertPushed(df, "COUNT(*)");
  }

  @Test
  void otherLayoutsAndTheCatalogAreNotPushed() {
    Dataset<Row> chunks = spark().read().format("lindi").option("dataset", EPHYS_DATA).option("layout", "chunks")
        .load(Fixtures.uri(EPHYS)).groupBy().count();
    assertEquals(4L, chunks.first().getLong(0));
    assertNotPushed(chunks);
    Dataset<Row> catalog = spark().read().format("lindi").load(Fixtures.uri(EPHYS));
    long nodes = unpushed(catalog);
    Dataset<Row> catalogCount = catalog.groupBy().count();
    assertEquals(nodes, catalogCount.first().getLong(0));
    assertNotPushed(catalogCount);
  }
}
