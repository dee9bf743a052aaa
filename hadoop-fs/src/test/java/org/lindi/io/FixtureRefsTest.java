package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.codec.ByteSlice;
import org.lindi.container.FileRange;
import org.lindi.container.LindiContainer;
import org.lindi.error.RefOutOfBoundsException;
import org.lindi.rfs.ChunkRef;

/**
 * Every range ref of every fixture, opened with its real container, resolves and reads the bytes
 * an independent reading of the fixture gives: the file itself for {@code .}, the tar entry (read
 * with commons-compress) or directory file for {@code ./x}, the sibling file for a relative url.
 */
@Timeout(60)
class FixtureRefsTest {
  private static final java.nio.file.Path FIXTURES =
      Paths.get(System.getProperty("lindi.fixtures", "/work/shared/fixtures"));
  private final Configuration conf = new Configuration();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "lindi1/ephys_int16_gzip.lindi", "lindi1/groups_attrs.lindi", "lindi1/pr88_example.lindi",
      "native/native.lindi.d", "native/native.lindi.tar", "native/native_grown.lindi.tar",
      "nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.tar",
      "zarr/blosc_matrix.lindi.json", "zarr/layouts.lindi.json",
      "h5conv/sample.lindi.json"})
  void everyRangeRefReadsItsBytes(String fixture) throws IOException {
    java.nio.file.Path file = FIXTURES.resolve(fixture);
    List<String> urls = new ArrayList<>();
    List<ChunkRef> refs = new ArrayList<>();
    List<FileRange> ranges = new ArrayList<>();
    ReadStatistics stats = new ReadStatistics();
    try (LindiContainer c = LindiContainer.open(new Path(file.toUri()), conf);
        ChunkRangeReader reader = new ChunkRangeReader(conf, RangeReadOptions.DEFAULT, stats)) {
      UrlResolver resolver = UrlResolver.fromOptions(c, conf, null, null);
      c.rfs().forEachUnder("", (key, ref) -> {
        if (!ref.isInline()) {
          urls.add(ref.url());
          refs.add(ref);
          ranges.add(resolver.resolve(ref));
        }
      });
      List<ByteSlice> got = reader.readAll(ranges);
      for (int i = 0; i < refs.size(); i++) {
        byte[] source = oracle(file, urls.get(i));
        ChunkRef ref = refs.get(i);
        int len = ref.length() < 0 ? source.length - (int) ref.offset() : (int) ref.length();
        assertArrayEquals(Arrays.copyOfRange(source, (int) ref.offset(), (int) ref.offset() + len),
            got.get(i).toArray(), fixture + " " + ref);
      }
    }
    assertTrue(!refs.isEmpty(), "every listed fixture has range refs");
    assertEquals(refs.size(), stats.ranges());
  }

  /** The bytes a url names, read without the code under test. */
  private static byte[] oracle(java.nio.file.Path lindi, String url) throws IOException {
    if (url.equals(".")) {
      return Files.readAllBytes(lindi);
    }
    if (url.startsWith("./") && lindi.toString().endsWith(".tar")) {
      String name = url.substring(2);
      try (InputStream in = Files.newInputStream(lindi);
          TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        byte[] last = null;
        // cast: commons-compress before 1.25 (Spark 3.5 ships 1.23) returns ArchiveEntry
        for (TarArchiveEntry e = (TarArchiveEntry) tar.getNextEntry(); e != null;
            e = (TarArchiveEntry) tar.getNextEntry()) {
          if (e.getName().equals(name)) {
            last = tar.readAllBytes(); // a grown tar may hold a name twice: the last one counts
          }
        }
        if (last == null) {
          throw new IOException("no tar entry " + name + " in " + lindi);
        }
        return last;
      }
    }
    if (url.startsWith("./") && Files.isDirectory(lindi)) {
      return Files.readAllBytes(lindi.resolve(url.substring(2)));
    }
    return Files.readAllBytes(lindi.getParent().resolve(url));
  }

  @Test
  void theBrokenFixtureFailsOnItsOutOfBoundsRef() throws IOException {
    java.nio.file.Path file = FIXTURES.resolve("broken/offset_past_eof.lindi.json");
    try (LindiContainer c = LindiContainer.open(new Path(file.toUri()), conf);
        ChunkRangeReader reader = new ChunkRangeReader(conf)) {
      UrlResolver resolver = UrlResolver.fromOptions(c, conf, null, null);
      assertEquals(400, reader.read(resolver.resolve(c.rfs().get("x/1"))).length());
      RefOutOfBoundsException e = assertThrows(RefOutOfBoundsException.class,
          () -> reader.read(resolver.resolve(c.rfs().get("x/2"))));
      assertTrue(e.getMessage().contains("[5296, 5696)"), e.getMessage());
      assertTrue(e.getMessage().contains("1200 bytes"), e.getMessage());
    }
  }
}
