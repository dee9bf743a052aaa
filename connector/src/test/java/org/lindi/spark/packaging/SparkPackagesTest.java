package org.lindi.spark.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.LindiFile;
import org.lindi.Fixtures;

/**
 * spark-submit's packages option with {@code org.lindi:lindi-spark-connector:VERSION} from a Maven
 * repository holding this build's POMs and thin jars: Ivy fetches the connector and lindi-hadoop-fs
 * and nothing else (the POM excludes what Spark ships), and Spark SQL reads through them.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SparkPackagesTest {
  @TempDir
  Path tmp;

  @Test
  void packagesFetchesOnlyTheConnectorAndHadoopFs() throws Exception {
    String version = ConnectorJar.property("lindi.version");
    Path repo = publish(version);
    Path settings = ivySettings(repo);
    SparkSubmitProcess submit = new SparkSubmitProcess(tmp.resolve("run"));
    Files.createDirectories(tmp.resolve("run"));

    List<String> rows = submit.run(List.of(
            "--packages", "org.lindi:lindi-spark-connector:" + version,
            "--conf", "spark.jars.ivySettings=" + settings),
        "CREATE TEMPORARY VIEW v USING lindi OPTIONS (path '" + Fixtures.uri(SparkSubmitTest.FILE)
            + "', dataset '" + SparkSubmitTest.DATASET + "')",
        "SELECT count(*), sum(value[0]) FROM v");

    long sum0 = 0;
    short[] samples = SparkSubmitTest.expectedSamples();
    for (int i = 0; i < 20000; i++) {
      sum0 += samples[i * 32];
    }
    assertEquals(List.of("20000|" + sum0), rows);
    try (Stream<Path> jars = Files.list(submit.ivyDir().resolve("jars"))) {
      Set<String> fetched = jars.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(Set.of("org.lindi_lindi-hadoop-fs-" + version + ".jar",
          "org.lindi_lindi-spark-connector-" + version + ".jar"), fetched);
    }
  }

  /** A Maven repository with the parent POM, hadoop-fs and the connector as this build made them. */
  private Path publish(String version) throws IOException, URISyntaxException {
    Path root = Paths.get(ConnectorJar.property("lindi.project.root"));
    Path repo = tmp.resolve("repo");
    copy(root.resolve("pom.xml"), repo, "lindi-spark-parent", version, ".pom");
    copy(root.resolve("hadoop-fs/pom.xml"), repo, "lindi-hadoop-fs", version, ".pom");
    copy(root.resolve("connector/pom.xml"), repo, "lindi-spark-connector", version, ".pom");
    copy(ConnectorJar.thinJar(), repo, "lindi-spark-connector", version, ".jar");
    Path hadoopFs = Paths.get(LindiFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = Files.isDirectory(hadoopFs) ? jarOf(hadoopFs) : hadoopFs; // classes folder in a reactor build
    copy(jar, repo, "lindi-hadoop-fs", version, ".jar");
    return repo;
  }

  private static void copy(Path from, Path repo, String artifact, String version, String ext)
      throws IOException {
    Path dir = repo.resolve("org/lindi").resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.copy(from, dir.resolve(artifact + "-" + version + ext));
  }

  private Path jarOf(Path classes) throws IOException {
    Path jar = tmp.resolve("hadoop-fs.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** This build's repository first, then the local Maven repository (the imported junit BOM). */
  private Path ivySettings(Path repo) throws IOException {
    Path settings = tmp.resolve("ivysettings.xml");
    Files.writeString(settings, "<ivysettings>\n"
        + "  <settings defaultResolver=\"chain\"/>\n"
        + "  <resolvers>\n"
        + "    <chain name=\"chain\" returnFirst=\"true\">\n"
        + "      <ibiblio name=\"built\" m2compatible=\"true\" root=\"" + repo.toUri() + "\"/>\n"
        + "      <ibiblio name=\"local-m2\" m2compatible=\"true\" root=\""
        + Paths.get(ConnectorJar.property("lindi.m2.repository")).toUri() + "\"/>\n"
        + "    </chain>\n"
        + "  </resolvers>\n"
        + "</ivysettings>\n");
    return settings;
  }
}
