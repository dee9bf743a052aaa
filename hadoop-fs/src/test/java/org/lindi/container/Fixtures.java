package org.lindi.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** The shared test fixtures ({@code lindi.fixtures}) and their manifest. */
final class Fixtures {
  static final Configuration CONF = new Configuration();

  private static JsonNode manifest;

  private Fixtures() {}

  static Path root() {
    return Paths.get(System.getProperty("lindi.fixtures", "../../shared/fixtures"))
        .toAbsolutePath().normalize();
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static org.apache.hadoop.fs.Path hadoopPath(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  static synchronized JsonNode manifest() {
    if (manifest == null) {
      try {
        manifest = new ObjectMapper().readTree(root().resolve("manifest.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return manifest;
  }

  /** The manifest entries of every file. */
  static List<JsonNode> files() {
    List<JsonNode> out = new ArrayList<>();
    manifest().get("files").forEach(out::add);
    return out;
  }
}
