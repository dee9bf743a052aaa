package org.lindi.bench;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sqrt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.lindi.write.LindiWriter;
import org.lindi.write.WriteOptions;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Order;

/**
 * End to end in one JVM on {@code local[2]}: 1,800,000 x 64 int16 ephys (60 s at 30 kHz) as lindi1 (blosc
 * lz4 shuffle, chunks 30000 x 64) and as Parquet written by Spark from the same DataFrame. Runs of the
 * two formats alternate (order swapped each run); the first run of each query is warm-up; medians.
 * Writes: the same DataFrame, persisted in memory, written by Spark as Parquet (snappy) and as
 * lindi1 ({@code df.write().format("lindi")}, blosc lz4 shuffle, 30000-row chunks), alternated.
 * Arguments: work directory, measured runs (default 3).
 */
public final class SparkBench {
  static final int ROWS = 1_800_000;
  static final int CHANNELS = 64;
  static final int CHUNK_ROWS = 30_000;
  static final long DECODED = (long) ROWS * CHANNELS * 2;
  static final String LZ4_SHUFFLE = "{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}";

  private SparkBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Files.createDirectories(dir);
    SparkSession spark = SparkSession.builder().master("local[2]").appName("lindi-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    ScanBytes bytes = new ScanBytes();
    spark.listenerManager().register(bytes);
    spark.sparkContext().addSparkListener(bytes);

    // the samples, chunk by chunk, as the writers get them
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < ROWS / CHUNK_ROWS; i++) {
      chunks.add(EphysChunk.int16(CHUNK_ROWS, CHANNELS, 1000 + i));
    }
    // the file every scan reads, written once from the driver (the timed writes below go through Spark)
    Path lindi = dir.resolve("ephys.lindi");
    double lindiWrite1 = writeLindi(lindi, chunks);
    chunks.clear();
    Figures.note(String.format("lindi1 written from the driver (LindiWriter, one thread): %.3f s", lindiWrite1));

    Dataset<Row> lindiDf = spark.read().format("lindi").option("dataset", "data").load(lindi.toString());
    Figures.note("lindi schema: " + lindiDf.schema().simpleString());
    // the same DataFrame, in memory, so that neither write times its generation
    Dataset<Row> cached = lindiDf.persist(StorageLevel.MEMORY_ONLY());
    Figures.note("rows cached: " + cached.count());
    Path parquet = dir.resolve("ephys.parquet");
    double[] pw = new double[runs];
    double[] lw = new double[runs];
    Path written = dir.resolve("ephys-w.lindi");
    double[] lwcpu = new double[runs];
    double[] pwcpu = new double[runs];
    for (int r = -1; r < runs; r++) {
      // alternated, order swapped every run: both sides see the same machine load
      double p = 0;
      double l = 0;
      double pc = 0;
      double lc = 0;
      for (int k = 0; k < 2; k++) {
        long cpu0 = cpuNanos();
        if ((k == 0) == ((r & 1) == 0)) {
          p = time(() -> cached.write().mode("overwrite").option("compression", "snappy")
              .parquet(parquet.toString()));
          pc = (cpuNanos() - cpu0) / 1e9;
        } else {
          // a new file each time: an Overwrite of the dataset would append to the lindi1 file
          // (its old chunks stay behind until the file is rewritten), growing it run after run
          Files.deleteIfExists(written);
          cpu0 = cpuNanos();
          l = time(() -> cached.write().format("lindi").option("dataset", "data")
              .option("chunks", String.valueOf(CHUNK_ROWS)).option("compressor", LZ4_SHUFFLE)
              .mode("overwrite").save(written.toString()));
          lc = (cpuNanos() - cpu0) / 1e9;
        }
      }
      if (r >= 0) {
        pw[r] = p;
        lw[r] = l;
        pwcpu[r] = pc;
        lwcpu[r] = lc;
      }
    }
    Figures.value("write.parquet_snappy.time", Figures.median(pw), "s");
    Figures.value("write.lindi1_spark.time", Figures.median(lw), "s");
    Figures.value("write.parquet_snappy.process_cpu", Figures.median(pwcpu), "s");
    Figures.value("write.lindi1_spark.process_cpu", Figures.median(lwcpu), "s");
    Figures.ratio("write.lindi_over_parquet", Figures.median(lw) / Figures.median(pw));
    Figures.value("storage.lindi1_spark_written", Files.size(written) / 1e6, "MB");
    Figures.value("storage.parquet", dirSize(parquet) / 1e6, "MB");
    Figures.value("storage.lindi1", Files.size(lindi) / 1e6, "MB");
    cached.unpersist(true);

    Dataset<Row> parquetDf = spark.read().parquet(parquet.toString());
    Map<String, Function<Dataset<Row>, Runnable>> queries = new LinkedHashMap<>();
    queries.put("count", df -> () -> df.count());
    queries.put("noop", df -> () -> df.write().format("noop").mode("overwrite").save());
    queries.put("channel_mean_rms", df -> () -> channelStats(df).collect());
    long from = 915_000; // a 1-second window that straddles a chunk boundary
    queries.put("window_1s_mean", df -> () -> channelMean(df.filter(col("index").geq(from)
        .and(col("index").lt(from + CHUNK_ROWS)))).collect());

    // the same lindi read as columnar batches instead of rows (lindi.read.unsafeRows=false): the
    // connector picks rows when value is read; this keeps the other choice measured beside it
    Dataset<Row> lindiColumnarDf = spark.read().format("lindi").option("dataset", "data")
        .option("lindi.read.unsafeRows", "false").load(lindi.toString());
    for (Map.Entry<String, Function<Dataset<Row>, Runnable>> q : queries.entrySet()) {
      Runnable onLindi = q.getValue().apply(lindiDf);
      Runnable onParquet = q.getValue().apply(parquetDf);
      // count reads no value: both lindi reads are the same columnar scan
      Runnable onColumnar = q.getKey().equals("count") ? null : q.getValue().apply(lindiColumnarDf);
      double[] lt = new double[runs];
      double[] pt = new double[runs];
      double[] ct = new double[runs];
      double[] lcpu = new double[runs];
      double[] ccpu = new double[runs];
      long lindiFetched = -1;
      long parquetRead = -1;
      int sides = onColumnar == null ? 2 : 3;
      for (int r = -1; r < runs; r++) {
        double l = 0;
        double p = 0;
        double c = 0;
        for (int k = 0; k < sides; k++) {
          int side = (k + Math.max(0, r)) % sides; // rotated every run: each side goes first in turn
          if (side == 0) {
            bytes.forget();
            long cpu0 = cpuNanos();
            l = time(onLindi);
            if (r >= 0) {
              lcpu[r] = (cpuNanos() - cpu0) / 1e9;
            }
            Thread.sleep(200); // the query-execution event arrives asynchronously too
            lindiFetched = bytes.lindiBytesFetched();
          } else if (side == 1) {
            long in0 = bytes.inputBytes();
            p = time(onParquet);
            Thread.sleep(200); // task-end events arrive asynchronously
            parquetRead = bytes.inputBytes() - in0;
          } else {
            long cpu0 = cpuNanos();
            c = time(onColumnar);
            if (r >= 0) {
              ccpu[r] = (cpuNanos() - cpu0) / 1e9;
            }
          }
        }
        if (r >= 0) {
          lt[r] = l;
          pt[r] = p;
          ct[r] = c;
        }
      }
      String n = "scan." + q.getKey();
      Figures.value(n + ".lindi.time", Figures.median(lt), "s");
      Figures.value(n + ".parquet.time", Figures.median(pt), "s");
      Figures.ratio(n + ".lindi_over_parquet", Figures.median(lt) / Figures.median(pt));
      Figures.value(n + ".lindi.bytes_fetched", lindiFetched, "B");
      Figures.value(n + ".parquet.bytes_read", parquetRead, "B");
      if (onColumnar != null) {
        Figures.value(n + ".lindi_columnar.time", Figures.median(ct), "s");
        Figures.value(n + ".lindi.process_cpu", Figures.median(lcpu), "s");
        Figures.value(n + ".lindi_columnar.process_cpu", Figures.median(ccpu), "s");
        Figures.note(String.format("%s: lindi rows / columnar batches time %.2f, CPU %.2f", n,
            Figures.median(lt) / Figures.median(ct), Figures.median(lcpu) / Figures.median(ccpu)));
      }
      if (q.getKey().equals("noop")) {
        Figures.value("scan.noop.lindi.decoded_throughput", DECODED / Figures.median(lt) / 1e6, "MB/s");
        Figures.value("scan.noop.parquet.decoded_throughput", DECODED / Figures.median(pt) / 1e6, "MB/s");
        // what the scan would reach with both cores to itself: other processes may load the machine
        Figures.value("scan.noop.lindi.decoded_per_2_cpu_seconds", DECODED / (Figures.median(lcpu) / 2) / 1e6,
            "MB/s");
      }
      if (q.getKey().equals("window_1s_mean")) {
        long chunkBytes = Files.size(lindi) / (ROWS / CHUNK_ROWS);
        Figures.value(n + ".lindi.chunk_rows_fetched", (double) lindiFetched / chunkBytes, "chunks");
      }
    }
    spark.stop();
  }

  /** Per-channel mean and RMS over all rows. */
  static Dataset<Row> channelStats(Dataset<Row> df) {
    Dataset<Row> e = df.select(posexplode(col("value")).as(new String[] {"ch", "s"}))
        .withColumn("v", col("s").cast("double")); // int16 squares overflow SMALLINT
    return e.groupBy("ch").agg(avg("v"), sqrt(avg(col("v").multiply(col("v")))));
  }

  static Dataset<Row> channelMean(Dataset<Row> df) {
    return df.select(posexplode(col("value")).as(new String[] {"ch", "v"})).groupBy("ch").agg(avg("v"));
  }

  /** Writes the chunks (rows of CHUNK_ROWS) as a new lindi1 file from the driver; returns seconds. */
  static double writeLindi(Path file, List<byte[]> chunks) throws Exception {
    Files.deleteIfExists(file);
    long t0 = System.nanoTime();
    ObjectMapper json = new ObjectMapper();
    ArrayMetadata meta = ArrayMetadata.of(new long[] {(long) chunks.size() * CHUNK_ROWS, CHANNELS}, new int[] {CHUNK_ROWS, CHANNELS},
        DType.parse("<i2"), Order.C, IntNode.valueOf(0),
        json.readTree("{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}"),
        null, '.');
    try (LindiWriter w = LindiWriter.openLocal(file, WriteOptions.defaults())) {
      w.createArray("data", meta, null);
      for (int i = 0; i < chunks.size(); i++) {
        w.writeChunkData("data", new long[] {i, 0}, chunks.get(i));
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** CPU time of this process (all threads, GC and JIT included). */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static double time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  static long dirSize(Path p) throws Exception {
    try (var s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
