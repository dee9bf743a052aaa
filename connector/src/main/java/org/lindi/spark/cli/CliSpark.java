package org.lindi.spark.cli;

import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of one {@code lindi} command: {@code local[*]} unless a master is given, no UI,
 * the driver on 127.0.0.1 for local masters (no network needed), few shuffle partitions for a
 * laptop, and Spark's log at WARN (see {@link LindiMain#quietLogging()}).
 */
final class CliSpark {
  static final String DEFAULT_MASTER = "local[*]";

  private CliSpark() {}

  static SparkSession start(String master) {
    String m = master == null ? DEFAULT_MASTER : master;
    SparkSession.Builder b = SparkSession.builder()
        .appName("lindi")
        .master(m)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false");
    if (m.startsWith("local")) {
      int cores = Runtime.getRuntime().availableProcessors();
      b.config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * cores)));
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
