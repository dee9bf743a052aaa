package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.Fixtures;
import org.lindi.spark.read.ReadMetrics;

/**
 * Reads on a multi-JVM cluster ({@code local-cluster[2,1,1024]}: two executor processes) give the
 * manifest's results, as on {@code local[2]}: partitions, the broadcast configuration and the
 * codecs work across JVMs. Needs SPARK_HOME (a folder with an empty {@code jars/}) and
 * SPARK_SCALA_VERSION in the environment, which the connector's surefire configuration sets.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterTest {
  private static SparkSession spark;

  @BeforeAll
  static void startCluster() throws Exception {
    String home = System.getenv("SPARK_HOME");
    assertTrue(home != null, "SPARK_HOME must be set (surefire does it)");
    Files.createDirectories(Path.of(home, "jars"));
    SharedSpark.stop();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    spark = SharedSpark.base("local-cluster[2,1,1024]")
        .config("spark.executor.extraClassPath", cp)
        .config("spark.executor.extraJavaOptions", "-Dlog4j2.configurationFile=" + log4jConfig())
        .getOrCreate();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (spark.sparkContext().getExecutorMemoryStatus().size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(200); // executors register asynchronously
    }
  }

  private static String log4jConfig() {
    return new File("target/test-classes/log4j2-test.properties").getAbsolutePath();
  }

  @AfterAll
  static void stopCluster() {
    if (spark != null) {
      spark.stop();
    }
    SharedSpark.stop();
  }

  @Test
  void twoExecutorJvmsReadTheManifestArrays() {
    assertEquals(2, spark.sparkContext().getExecutorMemoryStatus().size() - 1, "two executors besides the driver");
    ManifestCheck.assertArray(spark, Fixtures.uri("nwb/ephys_session.lindi.tar"), "nwb/ephys_session.lindi.tar",
        "acquisition/ElectricalSeries/data");
    ManifestCheck.assertArray(spark, Fixtures.uri("zarr/blosc_matrix.lindi.json"), "zarr/blosc_matrix.lindi.json",
        "blosc/lz4_shuffle_int16");
    ManifestCheck.assertArray(spark, Fixtures.uri("zarr/layouts.lindi.json"), "zarr/layouts.lindi.json", "nd/i2_4d");
    ManifestCheck.assertArray(spark, Fixtures.uri("h5conv/sample.lindi.json"), "h5conv/sample.lindi.json", "compound");
    // _EXTERNAL_ARRAY_LINK: chunk refs from the HDF5 chunk index, planned on the driver
    ManifestCheck.assertArray(spark, Fixtures.uri("h5conv/sample.lindi.json"), "h5conv/sample.lindi.json",
        "acquisition/ephys/many_chunks");
  }

  @Test
  void nwbTimeWindowAndUnitsTableOnTwoExecutors() {
    NwbCheck.assertTimeWindowAndUnits(spark, Fixtures.uri("nwb/ephys_session.lindi.json"));
  }

  @Test
  void partitionsSpreadOverExecutorsWithMetrics() {
    Dataset<Row> df = spark.read().format("lindi").option("dataset", "acquisition/ElectricalSeries/data")
        .option("maxPartitionBytes", "0").load(Fixtures.uri("nwb/ephys_session.lindi.json"));
    long sum = df.selectExpr("sum(aggregate(value, 0L, (a, x) -> a + x))").first().getLong(0);
    double expected = Fixtures.arrayEntry("nwb/ephys_session.lindi.json", "acquisition/ElectricalSeries/data")
        .get("sum").asDouble();
    assertEquals(expected, (double) sum, 0.0, "sum over the 4 partitions equals the manifest's");
    Dataset<Row> all = df.where("index >= 2500 AND index < 17500");
    assertEquals(15000, all.collectAsList().size());
    ScanProbe probe = ScanProbe.of(all);
    assertEquals(4, probe.partitions());
    assertEquals(4, probe.metric(ReadMetrics.CHUNKS_READ), "metrics come back from the executors");
  }
}
