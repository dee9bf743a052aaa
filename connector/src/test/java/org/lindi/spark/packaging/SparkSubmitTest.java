package org.lindi.spark.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.Fixtures;

/**
 * spark-submit with the connector jar in the jars option, in a fresh JVM whose classpath is Spark's
 * alone (spark-sql and its dependencies): Spark SQL finds the {@code lindi} source, reads views and a
 * table (the statements of the README's Spark SQL section), and gets the values hadoop-fs reads.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SparkSubmitTest {
  static final String FILE = "nwb/ephys_session.lindi.tar";
  static final String DATASET = "acquisition/ElectricalSeries/data";

  @TempDir
  Path tmp;

  @Test
  void sparkSqlReadsThroughTheJarsOption() throws Exception {
    String options = "OPTIONS (path '" + Fixtures.uri(FILE) + "', dataset '" + DATASET + "')";
    List<String> rows = new SparkSubmitProcess(tmp).run(
        List.of("--jars", ConnectorJar.path().toString()),
        "CREATE TEMPORARY VIEW v USING lindi " + options,
        "SELECT count(*), sum(value[0]), max(value[31]) FROM v",
        "CREATE TABLE ephys USING lindi " + options,
        "SELECT count(*) FROM ephys WHERE index BETWEEN 100 AND 199",
        "CREATE TEMPORARY VIEW units USING lindi OPTIONS (path '" + Fixtures.uri(FILE)
            + "', dataset 'units', layout 'table')",
        "SELECT count(*), count(spike_times) FROM units");

    short[] samples = expectedSamples();
    long sum0 = 0;
    int max31 = Short.MIN_VALUE;
    for (int i = 0; i < 20000; i++) {
      sum0 += samples[i * 32];
      max31 = Math.max(max31, samples[i * 32 + 31]);
    }
    assertEquals(List.of("20000|" + sum0 + "|" + max31, "100", "8|8"), rows);
  }

  /** The array as hadoop-fs reads it (20000 samples x 32 channels, int16). */
  static short[] expectedSamples() throws IOException {
    try (LindiFile file = LindiFile.open(new org.apache.hadoop.fs.Path(Fixtures.uri(FILE)),
        new Configuration())) {
      LindiArray data = file.array(DATASET);
      assertEquals(List.of(20000L, 32L), List.of(data.shape()[0], data.shape()[1]));
      return data.read(new long[] {0, 0}, new long[] {20000, 32}).toShortArray();
    }
  }
}
