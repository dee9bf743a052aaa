package org.lindi.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.Fixtures;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ChunkRef;
import org.lindi.rfs.ReferenceFileSystem;

/**
 * SPEC sections 2 and 9: every fixture container opens as the container the manifest names, every
 * group and array of the manifest is in its RFS with the manifest's shape and chunks, every
 * container-internal ref lies inside the file, and the broken lindi1 files fail clearly.
 */
@Timeout(60)
class FixtureContainersTest {
  /** The errors this layer reports; the others belong to reading arrays. */
  private static final List<String> OPEN_ERRORS = List.of("truncated file", "invalid lindi1 header");

  static Stream<Arguments> openable() {
    return Fixtures.files().stream()
        .filter(f -> !OPEN_ERRORS.contains(f.path("expect_error").asText()))
        .map(f -> Arguments.of(f.get("file").asText(), f));
  }

  static Stream<Arguments> brokenAtOpen() {
    return Fixtures.files().stream()
        .filter(f -> OPEN_ERRORS.contains(f.path("expect_error").asText()))
        .map(f -> Arguments.of(f.get("file").asText(), f.get("expect_error").asText()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openable")
  void opensAsTheManifestsContainerWithEveryNode(String name, JsonNode entry) throws IOException {
    Path local = Fixtures.file(name);
    try (LindiContainer c = LindiContainer.open(Fixtures.hadoopPath(local), Fixtures.CONF)) {
      assertEquals(ContainerFormat.valueOf(entry.get("container").asText().toUpperCase(Locale.ROOT)),
          c.format());
      assertEquals(local.toString(), c.location().toUri().getPath());
      ReferenceFileSystem rfs = c.rfs();
      for (JsonNode node : entry.get("nodes")) {
        String path = node.get("path").asText();
        String prefix = path.isEmpty() ? "" : path + "/";
        String kind = node.get("kind").asText();
        if (kind.equals("group")) {
          assertNotNull(rfs.json(prefix + ".zgroup"), name + ": group " + path);
        } else if (kind.equals("array")) {
          assertNotNull(rfs.json(prefix + ".zarray"), name + ": array " + path);
        }
      }
      assertTrue(entry.get("arrays").size() > 0, name);
      for (JsonNode array : entry.get("arrays")) {
        String path = array.get("path").asText();
        JsonNode zarray = rfs.json(path + "/.zarray");
        assertNotNull(zarray, name + ": " + path);
        JsonNode shape = array.path("scalar").asBoolean() ? rfs.json(path + "/.zarray").get("shape")
            : array.get("shape");
        assertEquals(shape, zarray.get("shape"), name + ": " + path);
        assertEquals(array.get("chunks"), zarray.get("chunks"), name + ": " + path);
        checkChunkRefs(c, path);
      }
    }
  }

  /** Internal refs resolve inside the container; other relative refs name an existing sidecar. */
  private static void checkChunkRefs(LindiContainer c, String array) throws IOException {
    long fileLength = c.fileSystem().getFileStatus(c.location()).isDirectory()
        ? -1 : c.fileSystem().getFileStatus(c.location()).getLen();
    List<String> problems = new ArrayList<>();
    c.rfs().forEachUnder(array, (key, ref) -> {
      if (ref.isInline()) {
        return;
      }
      FileRange range = c.resolveInternal(ref.url());
      if (range == null) {
        // A sidecar next to the lindi file (zarr/*.chunks.bin, h5conv/sample.h5).
        if (!Files.exists(Fixtures.file(c.location().toUri().getPath()).resolveSibling(ref.url()))) {
          problems.add(key + " -> missing " + ref.url());
        }
        return;
      }
      long end = range.isToEnd() ? fileLength : range.offset() + range.length();
      if (range.offset() + ref.offset() + ref.length() > end || ref.length() == ChunkRef.WHOLE_FILE) {
        problems.add(key + " -> " + ref + " outside " + range);
      }
    });
    assertTrue(problems.isEmpty(), array + ": " + problems);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenAtOpen")
  void aBrokenLindi1FileFailsWithTheExpectedErrorNamingIt(String name, String expected) {
    Path local = Fixtures.file(name);
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> LindiContainer.open(Fixtures.hadoopPath(local), Fixtures.CONF));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(local.getFileName().toString()), e.getMessage());
    assertTrue(e.context().file().endsWith(name), e.getMessage());
  }
}
