package org.lindi.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Decoded throughput of the rows layout into Spark's {@code noop} sink, read as rows
 * ({@code UnsafeRowsReader}) and as columnar batches ({@code lindi.read.unsafeRows=false}), the two
 * alternated run by run (order swapped each run; {@code -Dlindi.bench.modes=rows} or
 * {@code columnar} for one). Runs only when {@code -Dlindi.bench=<lindi file>} (and optionally
 * {@code -Dlindi.bench.dataset}) is given, e.g. the 1,800,000 x 64 int16 blosc lz4 shuffle array of
 * the benchmark target.
 */
class ThroughputBench {
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void rowsIntoNoop() {
    String file = System.getProperty("lindi.bench");
    assumeTrue(file != null && !file.isEmpty(), "set -Dlindi.bench=<lindi file> to run the benchmark");
    String dataset = System.getProperty("lindi.bench.dataset", "data");
    int runs = Integer.getInteger("lindi.bench.runs", 5);
    java.util.List<String> modes = java.util.Arrays.asList(
        System.getProperty("lindi.bench.modes", "rows,columnar").split(","));
    java.util.Map<String, Dataset<Row>> frames = new java.util.LinkedHashMap<>();
    for (String mode : modes) {
      frames.put(mode, SharedSpark.session().read().format("lindi").option("dataset", dataset)
          .option("lindi.read.unsafeRows", String.valueOf(mode.equals("rows")))
          .option("lindi.read.batchRows", System.getProperty("lindi.bench.batchRows", "16384"))
          .option("lindi.read.batchElements", System.getProperty("lindi.bench.batchElements", "1048576"))
          .option("maxPartitionBytes", System.getProperty("lindi.bench.maxPartitionBytes", ""))
          .load(file));
    }
    Dataset<Row> first = frames.values().iterator().next();
    long bytes = ScanProbe.of(first).scan().plan().decodedBytes();
    System.out.println("plan: " + ScanProbe.of(first).scan().description());
    String jfr = System.getProperty("lindi.bench.jfr");
    jdk.jfr.Recording rec = null;
    if (jfr != null) {
      try {
        rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    for (int i = 0; i < runs; i++) {
      if (rec != null && i == 1) {
        rec.start();
      }
      for (int k = 0; k < modes.size(); k++) {
        String mode = modes.get((i & 1) == 0 ? k : modes.size() - 1 - k);
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        frames.get(mode).write().format("noop").mode("overwrite").save();
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf("run %d %s: %.3f s wall, %.2f GB/s decoded (%d bytes); process CPU %.3f s = %.2f GB/s"
            + " if it had 2 cores to itself%n", i, mode, s, bytes / s / 1e9, bytes, cpu, bytes / (cpu / 2) / 1e9);
      }
    }
    if (rec != null) {
      try {
        rec.dump(java.nio.file.Path.of(jfr));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      rec.close();
    }
  }
}
