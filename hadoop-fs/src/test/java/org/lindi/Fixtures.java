package org.lindi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The shared fixtures ({@code ../shared/fixtures}) and their {@code manifest.json}, for the tests of
 * every module (the connector's through this module's test-jar).
 */
public final class Fixtures {
  /** A default Hadoop configuration, for tests that open fixtures through Hadoop filesystems. */
  public static final Configuration CONF = new Configuration();

  private static JsonNode manifest;

  private Fixtures() {}

  /** The fixtures folder: system property {@code lindi.fixtures}, else found above the working dir. */
  public static Path dir() {
    String prop = System.getProperty("lindi.fixtures");
    if (prop != null && Files.isRegularFile(Paths.get(prop, "manifest.json"))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared").resolve("fixtures");
      if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
        return candidate.normalize();
      }
      candidate = p.resolve("shared").resolve("fixtures");
      if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("fixtures not found: set -Dlindi.fixtures or put shared/ beside the checkout");
  }

  public static Path file(String relative) {
    return dir().resolve(relative);
  }

  public static org.apache.hadoop.fs.Path hadoopPath(String relative) {
    return hadoopPath(file(relative));
  }

  public static org.apache.hadoop.fs.Path hadoopPath(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  /** The fixture as a {@code file:} URI string, as Spark paths are given. */
  public static String uri(String relative) {
    return file(relative).toUri().toString();
  }

  public static synchronized JsonNode manifest() {
    if (manifest == null) {
      try {
        manifest = new ObjectMapper().readTree(file("manifest.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return manifest;
  }

  /** Every file entry of the manifest. */
  public static List<JsonNode> files() {
    List<JsonNode> out = new ArrayList<>();
    manifest().get("files").forEach(out::add);
    return out;
  }

  /** The manifest entry of file {@code relative}. */
  public static JsonNode fileEntry(String relative) {
    for (JsonNode f : files()) {
      if (f.get("file").asText().equals(relative)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no fixture " + relative);
  }

  /** The manifest entry of array {@code path} of file {@code relative}. */
  public static JsonNode arrayEntry(String relative, String path) {
    for (JsonNode a : fileEntry(relative).get("arrays")) {
      if (a.get("path").asText().equals(path)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no array " + path + " in " + relative);
  }
}
