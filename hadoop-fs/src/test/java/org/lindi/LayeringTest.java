package org.lindi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering is the architecture: each package of hadoop-fs may use only the packages to its
 * left (container -> RFS -> array metadata -> codecs -> HDF5 index -> chunk source -> public API),
 * and nothing
 * here uses Spark.
 */
class LayeringTest {
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.lindi(?:\\.[a-z0-9]+)*)\\.[A-Z]", Pattern.MULTILINE);

  /** Package (relative to org.lindi, "" = the public API) -> packages it may import. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("error", Set.of()),
      Map.entry("zarr", Set.of("error")),
      Map.entry("rfs", Set.of("error")),
      Map.entry("container", Set.of("error", "rfs")),
      Map.entry("codec", Set.of("error", "zarr")),
      Map.entry("codec.blosc", Set.of("error", "zarr", "codec")),
      Map.entry("io", Set.of("error", "rfs", "container", "codec")),
      Map.entry("hdf5", Set.of("error", "zarr", "codec", "codec.blosc")),
      Map.entry("tree", Set.of("error", "rfs", "zarr")),
      Map.entry("chunk", Set.of("error", "zarr", "codec", "rfs", "container", "io", "hdf5")),
      Map.entry("", Set.of("error", "zarr", "codec", "rfs", "container", "io", "hdf5", "tree", "chunk")),
      Map.entry("nwb", Set.of("", "error", "zarr", "tree")),
      Map.entry("cli", Set.of("", "error", "zarr", "codec", "rfs", "container", "io", "hdf5", "tree", "chunk")),
      Map.entry("write", Set.of("", "error", "zarr", "codec", "rfs", "container", "io", "tree", "chunk")),
      Map.entry("sample", Set.of("", "error", "zarr", "codec", "write")));

  @Test
  void sparkIsNotOnTheClasspath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.spark.sql.SparkSession"));
  }

  @Test
  void packagesImportOnlyLowerLayers() throws IOException {
    Path root = Paths.get("src/main/java/org/lindi");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
        Set<String> allowed = ALLOWED.get(pkg);
        if (allowed == null) {
          violations.add(file + ": package org.lindi." + pkg + " has no place in the layering (add it to LayeringTest)");
          continue;
        }
        String source = Files.readString(file);
        if (source.contains("org.apache.spark")) {
          violations.add(file + " uses Spark");
        }
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
          String imported = m.group(1).equals("org.lindi") ? "" : m.group(1).substring("org.lindi.".length());
          if (!imported.equals(pkg) && !allowed.contains(imported)) {
            violations.add(file + " imports org.lindi." + imported);
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}
