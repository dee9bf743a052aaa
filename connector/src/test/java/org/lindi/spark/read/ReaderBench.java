package org.lindi.spark.read;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.spark.SharedSpark;

/**
 * Single-thread speed of the connector's own part of the hot path (fetch, decode, fill the
 * vectors), without Spark's conversion to rows. Runs only with {@code -Dlindi.bench=<lindi file>}.
 */
class ReaderBench {
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void batchesOnly() throws Exception {
    LindiScan scan = scan();
    org.apache.hadoop.conf.Configuration conf = SharedSpark.session().sparkContext().hadoopConfiguration();
    for (int run = 0; run < 10; run++) {
      long t0 = System.nanoTime();
      long bytes = 0;
      for (InputPartition p : scan.planInputPartitions()) {
        try (RowsBatchReader r = new RowsBatchReader((ArrayPartition) p, conf, scan.readSchema())) {
          while (r.next()) {
            ColumnarBatch b = r.get();
            bytes += (long) b.numRows() * 64 * 2;
          }
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("reader run %d: %.3f s, %.2f GB/s on one thread%n", run, s, bytes / s / 1e9);
    }
  }

  /** The rows reader alone, one thread: fetch, decode, one copy per row (no Spark projection). */
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void unsafeRowsOnly() throws Exception {
    LindiScan scan = scan();
    org.apache.hadoop.conf.Configuration conf = SharedSpark.session().sparkContext().hadoopConfiguration();
    for (int run = 0; run < 10; run++) {
      long t0 = System.nanoTime();
      long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long proc0 = processCpuNanos();
      long bytes = 0;
      long check = 0;
      for (InputPartition p : scan.planInputPartitions()) {
        try (UnsafeRowsReader r = new UnsafeRowsReader((ArrayPartition) p, conf, scan.readSchema())) {
          while (r.next()) {
            check += r.get().getLong(0);
            bytes += 64 * 2;
          }
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
      double proc = (processCpuNanos() - proc0) / 1e9;
      System.out.printf("rows reader run %d: %.3f s (thread CPU %.3f s, process CPU %.3f s: the prefetch"
          + " threads' reads, GC and JIT too), %.2f GB/s on one thread (%d)%n", run, s, cpu, proc, bytes / s / 1e9,
          check);
    }
  }

  /** The scan of {@code data} in the file named by {@code -Dlindi.bench} (the test is skipped without it). */
  private static LindiScan scan() {
    String file = System.getProperty("lindi.bench");
    assumeTrue(file != null && !file.isEmpty(), "set -Dlindi.bench=<lindi file>");
    Dataset<Row> df = SharedSpark.session().read().format("lindi").option("dataset", "data").load(file);
    return (LindiScan) ((org.apache.spark.sql.execution.datasources.v2.BatchScanExec)
        df.queryExecution().executedPlan().collectLeaves().head()).scan();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
