package org.lindi.spark;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one {@code local[2]} SparkSession the connector tests share (starting Spark takes seconds).
 * A test that needs another master stops it with {@link #stop()}; the next {@link #session()} call
 * starts a fresh one.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null || session.sparkContext().isStopped()) {
      session = base("local[2]").getOrCreate();
    }
    return session;
  }

  /** The settings every test session uses, for {@code master}. */
  public static SparkSession.Builder base(String master) {
    return SparkSession.builder()
        .master(master)
        .appName("lindi-connector-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.warehouse.dir", warehouse())
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1");
  }

  private static String warehouse() {
    try {
      Path dir = Files.createTempDirectory("lindi-warehouse");
      dir.toFile().deleteOnExit();
      return dir.toUri().toString();
    } catch (java.io.IOException e) {
      return new File("target/warehouse").getAbsoluteFile().toURI().toString();
    }
  }

  /** Stops the shared session (if running). */
  public static synchronized void stop() {
    if (session != null) {
      session.stop();
      session = null;
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }
}
