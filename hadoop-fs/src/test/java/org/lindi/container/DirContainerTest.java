package org.lindi.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;
import org.lindi.error.LindiFormatException;
import org.lindi.error.LocationNotAllowedException;

/** SPEC section 2.2: a {@code .lindi.d} directory; {@code ./x} is the file x inside it. */
@Timeout(30)
class DirContainerTest {
  private static final Path FIXTURE = Fixtures.file("native/native.lindi.d");

  @TempDir
  Path tmp;

  private static DirContainer open(Path dir) throws IOException {
    return DirContainer.open(FileSystem.getLocal(Fixtures.CONF), Fixtures.hadoopPath(dir));
  }

  @Test
  void everyBlobResolvesToItsWholeFile() throws IOException {
    List<Path> blobs;
    try (Stream<Path> walk = Files.walk(FIXTURE.resolve("blobs"))) {
      blobs = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(blobs.size() > 5);
    try (DirContainer c = open(FIXTURE)) {
      for (Path blob : blobs) {
        String url = "./" + FIXTURE.relativize(blob).toString().replace('\\', '/');
        FileRange range = c.resolveInternal(url);
        assertEquals(0, range.offset());
        assertEquals(Files.size(blob), range.length(), url);
        assertArrayEquals(Files.readAllBytes(blob), TarContainerTest.read(c, range), url);
        assertEquals(range, c.resolveInternal(url)); // From the cache, the same.
      }
    }
  }

  @Test
  void everyBlobRefOfTheRfsResolves() throws IOException {
    try (DirContainer c = open(FIXTURE)) {
      int[] n = {0};
      c.rfs().forEachUnder("", (key, ref) -> {
        if (!ref.isInline() && ref.url().startsWith("./")) {
          FileRange range = c.resolveInternal(ref.url());
          assertTrue(ref.offset() + ref.length() <= range.length(), key);
          n[0]++;
        }
      });
      assertTrue(n[0] > 5);
    }
  }

  @Test
  void aMissingFileIsAFormatErrorNamingTheUrl() throws IOException {
    try (DirContainer c = open(FIXTURE)) {
      LindiFormatException e = assertThrows(LindiFormatException.class,
          () -> c.resolveInternal("./blobs/grp/nope/0"));
      assertEquals("./blobs/grp/nope/0", e.context().url());
      assertTrue(e.getMessage().contains("native.lindi.d"), e.getMessage());
      assertThrows(LindiFormatException.class, () -> c.resolveInternal("./blobs/grp"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"./../native.lindi.tar", "./blobs/../../native.lindi.tar", "./",
      "./blobs//grp", "./blobs/./grp/gzip_i2/0"})
  void urlsThatWouldLeaveTheDirectoryAreRefused(String url) throws IOException {
    try (DirContainer c = open(FIXTURE)) {
      LocationNotAllowedException e =
          assertThrows(LocationNotAllowedException.class, () -> c.resolveInternal(url));
      assertEquals(url, e.context().url());
    }
  }

  @Test
  void otherUrlsAreNotInternalAndDotHasNoBytes() throws IOException {
    try (DirContainer c = open(FIXTURE)) {
      assertNull(c.resolveInternal("sample.h5"));
      assertNull(c.resolveInternal("hdfs://nn/x.h5"));
      assertThrows(LindiFormatException.class, () -> c.resolveInternal("."));
    }
  }

  @Test
  void aDirectoryWithoutLindiJsonDoesNotOpen() throws IOException {
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> open(tmp));
    assertTrue(e.getMessage().contains("without lindi.json"), e.getMessage());
  }

  @Test
  void theLocationIsTheDirectory() throws IOException {
    try (LindiContainer c = LindiContainer.open(Fixtures.hadoopPath(FIXTURE), Fixtures.CONF)) {
      assertEquals(ContainerFormat.DIR, c.format());
      assertEquals("native.lindi.d", c.location().getName());
      assertTrue(c.rfs().source().endsWith("native.lindi.d/lindi.json"), c.rfs().source());
    }
  }
}
