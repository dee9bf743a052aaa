package org.lindi.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.Fixtures;
import org.lindi.rfs.ChunkRef;
import org.lindi.rfs.ReferenceFileSystem;

/** A document larger than one read slice is read whole: every ref, the last one included. */
@Timeout(30)
class LargeDocumentReadTest {
  @TempDir
  Path tmp;

  @Test
  void aDocumentOfSeveralReadSlicesKeepsEveryRef() throws IOException {
    Path file = tmp.resolve("big.lindi.json");
    int refs = 200_003; // about 10 MB: two full 4 MB slices and a partial one
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"refs\": {\"d/.zarray\": {\"shape\": [1]}");
      for (int i = 0; i < refs; i++) {
        w.write(", \"d/" + i + "\": [\"chunks-with-a-long-name.bin\", " + i * 7L + ", 7]");
      }
      w.write("}}");
    }
    try (LindiContainer c = LindiContainer.open(Fixtures.hadoopPath(file), Fixtures.CONF)) {
      ReferenceFileSystem rfs = c.rfs();
      assertEquals(refs, rfs.chunkRefCount());
      assertEquals(ChunkRef.range("chunks-with-a-long-name.bin", (refs - 1) * 7L, 7),
          rfs.get("d/" + (refs - 1)));
      assertEquals(ChunkRef.range("chunks-with-a-long-name.bin", 100_000 * 7L, 7), rfs.get("d/100000"));
      assertEquals(2, Files.size(file) / (4 << 20), "the document spans two full slices and a part");
    }
  }
}
