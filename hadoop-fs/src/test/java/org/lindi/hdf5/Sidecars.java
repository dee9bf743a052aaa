package org.lindi.hdf5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The test files written by {@code src/test/python/make_hdf5_files.py} and their JSON sidecars,
 * which hold what h5py (libhdf5) reports about every dataset, group and soft link.
 */
final class Sidecars {
  static final List<String> FILES =
      List.of("earliest", "latest", "v108", "userblock", "small_offsets");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.Map<String, JsonNode> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private Sidecars() {}

  static Path h5(String name) {
    return resource(name + ".h5");
  }

  static JsonNode sidecar(String name) {
    return CACHE.computeIfAbsent(name, n -> {
      try {
        return JSON.readTree(resource(n + ".json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static JsonNode dataset(String file, String path) {
    return sidecar(file).get("datasets").get(path);
  }

  /** (file, dataset path) for every dataset of every test file. */
  static Stream<Arguments> datasets() {
    List<Arguments> out = new ArrayList<>();
    for (String f : FILES) {
      Iterator<String> names = sidecar(f).get("datasets").fieldNames();
      names.forEachRemaining(p -> out.add(Arguments.of(f, p)));
    }
    return out.stream();
  }

  /** (file, group path) for every group of every test file. */
  static Stream<Arguments> groups() {
    List<Arguments> out = new ArrayList<>();
    for (String f : FILES) {
      sidecar(f).get("groups").fieldNames().forEachRemaining(p -> out.add(Arguments.of(f, p)));
    }
    return out.stream();
  }

  /** (file, link path, target) for every soft link of every test file. */
  static Stream<Arguments> softLinks() {
    List<Arguments> out = new ArrayList<>();
    for (String f : FILES) {
      sidecar(f).get("soft_links").fields().forEachRemaining(
          e -> out.add(Arguments.of(f, e.getKey(), e.getValue().asText())));
    }
    return out.stream();
  }

  private static Path resource(String name) {
    try {
      return Paths.get(Sidecars.class.getResource("/hdf5/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource hdf5/" + name
          + "; run src/test/python/make_hdf5_files.py", e);
    }
  }
}
