package org.lindi.spark.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.spark.SharedSpark;

/**
 * Write throughput, run on demand ({@code -Dtest=WriteBench -Dlindi.bench.rows=2000000}): int16
 * rows of 64 channels, default chunks and blosc, written to a new lindi1 file, then read back.
 * Not a *Test: the regular suite leaves it out.
 */
class WriteBench {
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void int16Rows() throws Exception {
    long rows = Long.getLong("lindi.bench.rows", 500_000L);
    SparkSession spark = SharedSpark.session();
    Dataset<Row> df = spark.range(0, rows, 1, 4)
        .selectExpr("id as index", "transform(sequence(0, 63), c -> cast(pmod(id * 31 + c * 7, 2000) - 1000 as short)) as value");
    Path dir = Files.createTempDirectory("lindi-bench");
    Path file = dir.resolve("bench.lindi");
    long b0 = System.nanoTime();
    long baseline = df.where("value[5] > 0").count(); // one pass over the input alone
    long t0 = System.nanoTime();
    df.write().format("lindi").option("dataset", "bench/data").save(file.toString());
    long t1 = System.nanoTime();
    long n = spark.read().format("lindi").option("dataset", "bench/data").load(file.toString())
        .where("value[5] > 0").count();
    long t2 = System.nanoTime();
    // a cheap source: the file just written, read back and written to a second file
    Path copy = dir.resolve("copy.lindi");
    spark.read().format("lindi").option("dataset", "bench/data").load(file.toString())
        .write().format("lindi").option("dataset", "bench/data").save(copy.toString());
    long t3 = System.nanoTime();
    double mb = rows * 64 * 2 / 1e6;
    System.out.printf("WriteBench: %d rows x 64 int16 = %.0f MB decoded; generating the input once"
        + " %.1f s; write %.1f s (%.0f MB/s, two passes over the input included); file %.0f MB;"
        + " read back+filter %.1f s (%d rows, baseline %d)%n", rows, mb, (t0 - b0) / 1e9,
        (t1 - t0) / 1e9, mb / ((t1 - t0) / 1e9), Files.size(file) / 1e6, (t2 - t1) / 1e9, n, baseline);
    System.out.printf("WriteBench: lindi to lindi copy of the same array: %.1f s (%.0f MB/s decoded)%n",
        (t3 - t2) / 1e9, mb / ((t3 - t2) / 1e9));
    Files.deleteIfExists(copy);
    Files.deleteIfExists(dir.resolve(".copy.lindi.lock"));
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir.resolve(".bench.lindi.lock"));
    Files.deleteIfExists(dir);
  }
}
