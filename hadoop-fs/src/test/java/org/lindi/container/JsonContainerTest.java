package org.lindi.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.Fixtures;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ChunkRef;

/** SPEC section 2: a plain {@code .lindi.json}; all of its refs point outside it. */
@Timeout(30)
class JsonContainerTest {
  @TempDir
  Path tmp;

  @Test
  void relativeUrlsAreNotInternal() throws IOException {
    Path file = Fixtures.file("zarr/blosc_matrix.lindi.json");
    try (LindiContainer c = LindiContainer.open(Fixtures.hadoopPath(file), Fixtures.CONF)) {
      assertEquals(ContainerFormat.JSON, c.format());
      ChunkRef ref = c.rfs().get("blosc/blosclz_noshuffle_float32/0.0");
      assertEquals("blosc_matrix.chunks.bin", ref.url());
      assertNull(c.resolveInternal(ref.url()));
      assertNull(c.resolveInternal("./blosc_matrix.chunks.bin"));
      assertEquals(FileRange.wholeFile(c.location()), c.resolveInternal("."));
    }
  }

  @Test
  void aMalformedDocumentNamesTheFileAndKey() throws IOException {
    Path file = tmp.resolve("bad.lindi.json");
    Files.writeString(file, "{\"refs\": {\"a/0\": [\"f\", -1, 2]}}");
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> LindiContainer.open(Fixtures.hadoopPath(file), Fixtures.CONF));
    assertEquals("a/0", e.context().key());
    assertTrue(e.context().file().endsWith("bad.lindi.json"), e.getMessage());
  }
}
