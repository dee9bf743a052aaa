package org.lindi.spark.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The jar for spark-submit's jars option holds the connector and hadoop-fs, anything else relocated
 * under {@code org.lindi.shaded}, none of the libraries Spark ships, and service files that still
 * register the data source and every codec.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PackagedJarTest {
  private static final String CODECS = "META-INF/services/org.lindi.codec.CodecFactory";
  private static final String SOURCES = "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister";

  @Test
  void holdsTheConnectorAndHadoopFs() throws IOException {
    try (JarFile jar = new JarFile(ConnectorJar.path().toFile())) {
      assertNotNull(jar.getEntry("org/lindi/spark/LindiDataSource.class"), "the connector");
      assertNotNull(jar.getEntry("org/lindi/LindiFile.class"), "hadoop-fs");
      assertNotNull(jar.getEntry("org/lindi/codec/blosc/BloscCodec.class"), "hadoop-fs codecs");
    }
  }

  @Test
  void everyClassIsUnderOrgLindi() throws IOException {
    // Spark's libraries (Jackson, Hadoop, zstd-jni, lz4, snappy, commons-compress, xz, slf4j) stay
    // out; a library Spark does not ship must be relocated under org.lindi.shaded in connector/pom.xml
    List<String> foreign = new ArrayList<>();
    try (JarFile jar = new JarFile(ConnectorJar.path().toFile())) {
      for (JarEntry e : Collections.list(jar.entries())) {
        if (e.getName().endsWith(".class") && !e.getName().startsWith("org/lindi/")) {
          foreign.add(e.getName());
        }
      }
    }
    assertEquals(List.of(), foreign);
  }

  @Test
  void serviceFilesRegisterTheSourceAndEveryCodec() throws IOException {
    try (JarFile jar = new JarFile(ConnectorJar.path().toFile())) {
      assertEquals(new TreeSet<>(List.of("org.lindi.spark.LindiDataSource")), services(jar, SOURCES));
      TreeSet<String> codecs = services(jar, CODECS);
      assertEquals(classpathServices(CODECS), codecs, "the codec factories hadoop-fs registers");
      for (String name : codecs) {
        assertNotNull(jar.getEntry(name.replace('.', '/') + ".class"), name + " is in the jar");
      }
    }
  }

  private static TreeSet<String> services(JarFile jar, String file) throws IOException {
    JarEntry entry = jar.getJarEntry(file);
    assertNotNull(entry, file + " is in the jar");
    try (InputStream in = jar.getInputStream(entry)) {
      return names(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** What hadoop-fs' own jar (or classes folder) on the test classpath registers. */
  private static TreeSet<String> classpathServices(String file) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    for (URL url : Collections.list(PackagedJarTest.class.getClassLoader().getResources(file))) {
      try (InputStream in = url.openStream()) {
        out.addAll(names(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    assertTrue(out.size() > 10, "hadoop-fs registers its codecs: " + out);
    return out;
  }

  private static TreeSet<String> names(String serviceFile) {
    TreeSet<String> out = new TreeSet<>();
    for (String line : serviceFile.split("\n")) {
      String name = line.replaceAll("#.*", "").trim();
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }
}
