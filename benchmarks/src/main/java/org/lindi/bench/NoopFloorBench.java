package org.lindi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What bounds the noop scan (issue 7's 1.6 GB/s target): the same {@code df.write().format("noop")}
 * of 1,800,000 rows {@code (index BIGINT, value ARRAY<SMALLINT>[64])} on {@code local[2]}, from the
 * lindi1 file of {@link SparkBench} (rows and columnar readers) and from {@link ReadyRowsSource}, a
 * source whose readers do no work (ready rows, ready batches): Spark's own cost for this schema. Also
 * the same queries over 30,000 rows (one chunk): the fixed cost of a query. All sides alternated,
 * rotated every run, medians. Arguments: work directory (the lindi1 file is reused from the spark
 * part when present), measured runs (default 7).
 */
public final class NoopFloorBench {
  private NoopFloorBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Files.createDirectories(dir);
    Path lindi = dir.resolve("ephys.lindi");
    Path oneChunk = dir.resolve("ephys-1chunk.lindi");
    if (!Files.exists(lindi) || !Files.exists(oneChunk)) {
      List<byte[]> chunks = new ArrayList<>();
      for (int i = 0; i < SparkBench.ROWS / SparkBench.CHUNK_ROWS; i++) {
        chunks.add(EphysChunk.int16(SparkBench.CHUNK_ROWS, SparkBench.CHANNELS, 1000 + i));
      }
      SparkBench.writeLindi(lindi, chunks);
      SparkBench.writeLindi(oneChunk, chunks.subList(0, 1));
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("lindi-noop-floor")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");

    String ready = ReadyRowsSource.class.getName();
    Map<String, Runnable> sides = new LinkedHashMap<>();
    sides.put("lindi_rows", noop(spark, "lindi", lindi, Map.of()));
    sides.put("lindi_columnar", noop(spark, "lindi", lindi, Map.of("lindi.read.unsafeRows", "false")));
    sides.put("ready_rows", noop(spark, ready, null, Map.of()));
    sides.put("ready_batches", noop(spark, ready, null, Map.of("columnar", "true")));
    sides.put("lindi_rows_1chunk", noop(spark, "lindi", oneChunk, Map.of()));
    sides.put("ready_rows_30000", noop(spark, ready, null, Map.of("rows", "30000")));
    // -Dbench.floor.sides=lindi_rows,ready_rows: only these (e.g. to profile one of them)
    String only = System.getProperty("bench.floor.sides");
    if (only != null) {
      sides.keySet().retainAll(List.of(only.split(",")));
    }
    String[] names = sides.keySet().toArray(new String[0]);
    double[][] wall = new double[names.length][runs];
    double[][] cpu = new double[names.length][runs];
    for (int r = -2; r < runs; r++) { // two warm-up rounds
      for (int k = 0; k < names.length; k++) {
        int side = (k + Math.max(0, r)) % names.length;
        long cpu0 = SparkBench.cpuNanos();
        double t = SparkBench.time(sides.get(names[side]));
        if (r >= 0) {
          wall[side][r] = t;
          cpu[side][r] = (SparkBench.cpuNanos() - cpu0) / 1e9;
        }
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    for (int k = 0; k < names.length; k++) {
      String n = "floor.noop." + names[k];
      double t = Figures.median(wall[k]);
      medians.put(names[k], t);
      Figures.value(n + ".time", t, "s");
      Figures.value(n + ".process_cpu", Figures.median(cpu[k]), "s");
      if (!names[k].endsWith("1chunk") && !names[k].endsWith("30000")) {
        Figures.value(n + ".decoded_throughput", SparkBench.DECODED / t / 1e6, "MB/s");
      }
    }
    if (medians.keySet().containsAll(List.of("lindi_rows", "lindi_rows_1chunk", "ready_rows"))) {
      double rows = medians.get("lindi_rows");
      double chunks = (double) SparkBench.ROWS / SparkBench.CHUNK_ROWS;
      Figures.value("floor.noop.lindi_rows.throughput_beyond_one_chunk_query",
          SparkBench.DECODED * (1 - 1 / chunks) / (rows - medians.get("lindi_rows_1chunk")) / 1e6, "MB/s");
      Figures.ratio("floor.noop.lindi_rows_over_ready_rows", rows / medians.get("ready_rows"));
    }
    spark.stop();
  }

  private static Runnable noop(SparkSession spark, String format, Path path, Map<String, String> options) {
    return () -> {
      var reader = spark.read().format(format).options(options);
      if (path != null) {
        reader.option("dataset", "data").load(path.toString()).write().format("noop").mode("overwrite").save();
      } else {
        reader.load().write().format("noop").mode("overwrite").save();
      }
    };
  }
}
