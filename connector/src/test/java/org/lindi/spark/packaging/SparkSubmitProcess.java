package org.lindi.spark.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * {@code org.apache.spark.deploy.SparkSubmit} in a fresh JVM whose classpath is Spark's alone, local
 * master, running {@link SqlStatements}: what {@code spark-submit} does on a Spark installation.
 */
final class SparkSubmitProcess {
  private static final int TIMEOUT_SECONDS = 200;

  private final Path workDir;

  /** @param workDir a fresh folder for the application jar, logs, warehouse and Ivy cache */
  SparkSubmitProcess(Path workDir) {
    this.workDir = workDir;
  }

  /** The Ivy folder spark-submit's packages option downloads to ({@code spark.jars.ivy}). */
  Path ivyDir() {
    return workDir.resolve("ivy");
  }

  /**
   * Runs the statements with the given spark-submit options (e.g. the jars option); returns the
   * result rows as {@link SqlStatements} prints them, without their prefix.
   */
  List<String> run(List<String> submitOptions, String... statements) throws IOException,
      InterruptedException {
    String classpath = ConnectorJar.sparkClasspath();
    assertFalse(classpath.contains("lindi"), "Spark's classpath holds nothing of this project: " + classpath);
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect")) {
        cmd.add(arg); // the module opens Spark needs on Java 17, as the test JVM has them
      }
    }
    cmd.addAll(List.of("-cp", classpath, "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[1]",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.sql.warehouse.dir=" + workDir.resolve("warehouse").toUri(),
        "--conf", "spark.jars.ivy=" + ivyDir()));
    cmd.addAll(submitOptions);
    cmd.addAll(List.of("--class", SqlStatements.class.getName(), appJar().toString()));
    cmd.addAll(List.of(statements));

    Path out = workDir.resolve("stdout.txt");
    Path err = workDir.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("SPARK_CONF_DIR");
    Process p = pb.start();
    boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertTrue(done, "spark-submit did not finish in " + TIMEOUT_SECONDS + " s; its log ends with:\n"
        + tail(err));
    assertEquals(0, p.exitValue(), "spark-submit failed; its log ends with:\n" + tail(err));
    return Files.readAllLines(out).stream()
        .filter(l -> l.startsWith("ROW "))
        .map(l -> l.substring(4))
        .collect(Collectors.toList());
  }

  /** A jar with only {@link SqlStatements}: the application, which knows nothing of lindi. */
  private Path appJar() throws IOException {
    Path jar = workDir.resolve("app.jar");
    String entry = SqlStatements.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        InputStream in = SqlStatements.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
