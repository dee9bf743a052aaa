package org.lindi.spark.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where Maven put the connector's jar for spark-submit and Spark's own classpath: the surefire
 * properties {@code lindi.connector.jar} and {@code lindi.spark.classpath} (connector/pom.xml).
 */
final class ConnectorJar {
  private ConnectorJar() {}

  /** The shaded jar built at process-classes; skips the test when run outside Maven. */
  static Path path() {
    String jar = System.getProperty("lindi.connector.jar");
    assumeTrue(jar != null, "run through Maven: it builds the jar before the tests");
    Path p = Paths.get(jar);
    assertTrue(Files.isRegularFile(p), "the connector jar " + p + " was not built");
    return p;
  }

  /** The thin jar: the connector's classes alone, the artifact spark-submit's packages option gets. */
  static Path thinJar() {
    return builtFile("lindi.connector.thin.jar");
  }

  /** A Maven property the build passes to the tests (version, folders). */
  static String property(String name) {
    String value = System.getProperty(name);
    assumeTrue(value != null, "run through Maven: it sets " + name);
    return value;
  }

  private static Path builtFile(String property) {
    Path p = Paths.get(property(property));
    assertTrue(Files.isRegularFile(p), p + " was not built");
    return p;
  }

  /** The classpath Spark brings (spark-sql and its dependencies), nothing of this project. */
  static String sparkClasspath() {
    String file = System.getProperty("lindi.spark.classpath");
    assumeTrue(file != null, "run through Maven: it writes Spark's classpath before the tests");
    try {
      return Files.readString(Paths.get(file)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Spark's classpath from " + file, e);
    }
  }
}
