package org.lindi.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lindi.io.HttpRangeFileSystem;

/**
 * The Hadoop configuration a read uses: the session's (SQL settings included, as Spark's file
 * sources do), then the Hadoop settings given as options, with {@code http}/{@code https} served by
 * the range-read filesystem of hadoop-fs unless the user configured another.
 */
public final class ReadConfiguration {
  private ReadConfiguration() {}

  public static Configuration of(SparkSession spark, ReadOptions options) {
    Configuration conf = spark.sessionState().newHadoopConf();
    for (Map.Entry<String, String> e : options.hadoopOptions().entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    HttpRangeFileSystem.register(conf);
    return conf;
  }
}
