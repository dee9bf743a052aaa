package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.spark.read.ArrayPartition;

/**
 * Option {@code time=true} on a TimeSeries with an irregular {@code timestamps} dataset (hand-built:
 * 3000 positions, data in chunks of 1000, timestamps in chunks of 700, runs of equal timestamps):
 * times equal the stored timestamps, windows return exactly the brute-force rows, and each
 * partition carries only the timestamps chunks of its selected rows. Numeric data goes through the
 * columnar reader, string data through the row reader.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NwbTimestampsTest {
  private static final int N = 3000;
  private static final int DATA_CHUNK = 1000;
  private static final int TS_CHUNK = 700;
  private static double[] timestamps;
  private static String file;

  @TempDir
  static Path dir;

  @BeforeAll
  static void write() throws Exception {
    Random random = new Random(42);
    timestamps = new double[N];
    timestamps[0] = 5.0;
    for (int i = 1; i < N; i++) {
      timestamps[i] = random.nextInt(40) == 0 ? timestamps[i - 1] : timestamps[i - 1] + 1e-4 + random.nextDouble() * 2e-3;
    }
    double[] values = new double[N];
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      values[i] = i * 0.5;
      labels.add("s" + i);
    }
    file = new SyntheticNwb().group("acquisition", null)
        .group("acquisition/ts", SyntheticNwb.attrs().put("neurodata_type", "TimeSeries"))
        .float64("acquisition/ts/data", values, DATA_CHUNK)
        .float64("acquisition/ts/timestamps", timestamps, TS_CHUNK)
        .group("acquisition/labels", SyntheticNwb.attrs().put("neurodata_type", "TimeSeries"))
        .strings("acquisition/labels/data", labels, DATA_CHUNK)
        .float64("acquisition/labels/timestamps", timestamps, TS_CHUNK)
        .write(dir, "irregular.lindi.json");
  }

  private static Dataset<Row> read(String series) {
    return SharedSpark.session().read().format("lindi").option("dataset", "acquisition/" + series + "/data")
        .option("time", "true").option("maxPartitionBytes", "0").load(file);
  }

  @ParameterizedTest(name = "{0}: timestamps[{1}] <= time <= timestamps[{2}]")
  @CsvSource({"ts, -1, -1", "ts, 1100, 2400", "ts, 1400, 2099", "ts, 3, 650", "ts, 2999, 2999",
      "labels, -1, -1", "labels, 1500, 2999"})
  void timesAreTheTimestampsAndWindowsAreExact(String series, int from, int to) {
    boolean whole = from < 0;
    double lo = whole ? 0 : timestamps[from];
    double hi = whole ? 0 : timestamps[to];
    Dataset<Row> df = read(series);
    if (!whole) {
      df = df.where("time >= " + lo + " AND time <= " + hi);
    }
    List<Row> rows = df.collectAsList();
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      if (whole || (timestamps[i] >= lo && timestamps[i] <= hi)) {
        expected.add((long) i);
      }
    }
    List<Long> got = new ArrayList<>();
    for (Row r : rows) {
      long i = r.getLong(0);
      got.add(i);
      assertEquals(timestamps[(int) i], r.getDouble(1), 0.0, "time of " + i);
      if (series.equals("ts")) {
        assertEquals(i * 0.5, r.getDouble(2), 0.0);
      } else {
        assertEquals("s" + i, r.getString(2));
      }
    }
    assertEquals(expected, got, "rows of the window");
    assertEquals(whole ? 3 : expected.get(expected.size() - 1) / DATA_CHUNK - expected.get(0) / DATA_CHUNK + 1,
        ScanProbe.of(df).partitions(), "rows of data chunks planned");
    for (var p : ScanProbe.of(df).scan().planInputPartitions()) {
      ArrayPartition ap = (ArrayPartition) p;
      assertNotNull(ap.time());
      long first = Math.max(ap.firstRow(), expected.get(0));
      long last = Math.min(ap.endRow() - 1, expected.get(expected.size() - 1));
      assertEquals(last / TS_CHUNK - first / TS_CHUNK + 1, ap.time().timestamps().chunkCount(),
          "timestamps chunks of " + ap);
    }
  }
}
