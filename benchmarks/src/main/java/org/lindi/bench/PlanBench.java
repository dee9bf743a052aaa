package org.lindi.bench;

import java.io.BufferedWriter;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.lindi.LindiFile;

/**
 * Opening and planning an RFS of 1,000,000 chunk refs ({@code .lindi.json} written here, tens of MB):
 * the time of {@link LindiFile#open}, the time Spark needs to plan a scan of it, and the driver heap
 * the opened file holds (after GC). Arguments: work directory, measured runs (default 3).
 */
public final class PlanBench {
  static final int REFS = 1_000_000;

  private PlanBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Files.createDirectories(dir);
    Path json = dir.resolve("plan1m.lindi.json");
    writeRfs(json, dir.resolve("plan1m.chunks.bin"), REFS);
    Figures.value("plan.rfs_size", Files.size(json) / 1e6, "MB");

    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(json.toUri());
    double[] open = new double[runs];
    double[] openCpu = new double[runs];
    long heap = 0;
    for (int r = -1; r < runs; r++) {
      long base = usedAfterGc();
      long c0 = threadCpu();
      long t0 = System.nanoTime();
      LindiFile f = LindiFile.open(path, conf);
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (threadCpu() - c0) / 1e9;
      long held = usedAfterGc() - base;
      if (f.array("data").metadata().shape()[0] < 0) {
        throw new AssertionError(); // keeps f reachable until after the measurement
      }
      f.close();
      if (r >= 0) {
        open[r] = s;
        openCpu[r] = cpu;
        heap = Math.max(heap, held);
      }
    }
    Figures.value("plan.open_1m_refs.time", Figures.median(open), "s");
    Figures.value("plan.open_1m_refs.heap", heap / 1e6, "MB");
    // CPU time of the opening thread: on a loaded machine, wall time also counts waiting for a core
    Figures.value("plan.open_1m_refs.thread_cpu", Figures.median(openCpu), "s");

    SparkSession spark = SparkSession.builder().master("local[2]").appName("lindi-plan-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    double[] plan = new double[runs];
    double[] planCpu = new double[runs];
    long planHeap = 0;
    int partitions = 0;
    for (int r = -1; r < runs; r++) {
      long base = usedAfterGc();
      long c0 = threadCpu();
      long t0 = System.nanoTime();
      Dataset<Row> df = spark.read().format("lindi").option("dataset", "data").load(json.toString());
      partitions = df.rdd().getNumPartitions();
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (threadCpu() - c0) / 1e9;
      long held = usedAfterGc() - base;
      if (df.schema().isEmpty()) {
        throw new AssertionError(); // keeps df (and its plan) reachable until after the measurement
      }
      if (r >= 0) {
        plan[r] = s;
        planCpu[r] = cpu;
        planHeap = Math.max(planHeap, held);
      }
    }
    Figures.note("partitions planned: " + partitions);
    // what the executors receive: each InputPartition is Java-serialised into its task
    Dataset<Row> planned = spark.read().format("lindi").option("dataset", "data").load(json.toString());
    long serialTotal = 0;
    long serialMax = 0;
    for (InputPartition p : inputPartitions(planned)) {
      long n = serializedSize(p);
      serialTotal += n;
      serialMax = Math.max(serialMax, n);
    }
    Figures.value("plan.partitions_serialized.total", serialTotal / 1e6, "MB");
    Figures.value("plan.partitions_serialized.max", serialMax / 1e3, "kB");
    // the floor: the same open + plan of an RFS of 10 refs (Spark's own planning and the file open)
    Path tiny = dir.resolve("plan10.lindi.json");
    writeRfs(tiny, dir.resolve("plan10.chunks.bin"), 10);
    double[] floor = new double[runs];
    for (int r = -1; r < runs; r++) {
      long t0 = System.nanoTime();
      spark.read().format("lindi").option("dataset", "data").load(tiny.toString()).rdd().getNumPartitions();
      if (r >= 0) {
        floor[r] = (System.nanoTime() - t0) / 1e9;
      }
    }
    Figures.value("plan.spark_open_and_plan_10_refs.time", Figures.median(floor), "s");
    Figures.value("plan.spark_open_and_plan_1m_refs.time", Figures.median(plan), "s");
    Figures.value("plan.spark_open_and_plan_1m_refs.heap", planHeap / 1e6, "MB");
    Figures.value("plan.spark_open_and_plan_1m_refs.thread_cpu", Figures.median(planCpu), "s");
    Figures.ratio("plan.open_and_plan_over_target_0.6s", Figures.median(plan) / 0.6);
    spark.stop();
  }

  /**
   * A [refs x 100, 64] int16 array in chunks of 100 x 64 (one ref each) whose
   * chunk file is sparse: planning never reads chunk bytes, and the sparse file costs no disk.
   */
  static void writeRfs(Path json, Path chunks, int refs) throws Exception {
    int len = 9000;
    try (BufferedWriter w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
      w.write("{\"version\": 1, \"refs\": {\".zgroup\": {\"zarr_format\": 2}, \"data/.zarray\": {\"shape\": ["
          + (long) refs * 100 + ", 64], \"chunks\": [100, 64], \"dtype\": \"<i2\", \"compressor\": {\"id\": "
          + "\"blosc\", \"cname\": \"lz4\", \"clevel\": 5, \"shuffle\": 1, \"blocksize\": 0}, \"filters\": null, "
          + "\"fill_value\": 0, \"order\": \"C\", \"zarr_format\": 2}");
      String file = chunks.getFileName().toString();
      long off = 0;
      for (int i = 0; i < refs; i++) {
        w.write(", \"data/" + i + ".0\": [\"" + file + "\", " + off + ", " + len + "]");
        off += len;
      }
      w.write("}}");
      try (RandomAccessFile f = new RandomAccessFile(chunks.toFile(), "rw")) {
        f.setLength(off);
      }
    }
  }

  /** The input partitions of the (first) batch scan of {@code df}'s executed plan. */
  static InputPartition[] inputPartitions(Dataset<Row> df) {
    java.util.ArrayDeque<SparkPlan> todo = new java.util.ArrayDeque<>();
    todo.push(df.queryExecution().executedPlan());
    while (!todo.isEmpty()) {
      SparkPlan p = todo.pop();
      if (p instanceof BatchScanExec) {
        return ((BatchScanExec) p).scan().toBatch().planInputPartitions();
      }
      for (SparkPlan c : scala.jdk.javaapi.CollectionConverters.asJava(p.children())) {
        todo.push(c);
      }
    }
    throw new IllegalStateException("no batch scan in " + df.queryExecution().executedPlan());
  }

  static long serializedSize(Object o) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.size();
  }

  static long threadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
