package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.container.ContainerFormat;
import org.lindi.container.FileRange;
import org.lindi.error.LindiException;
import org.lindi.error.LocationNotAllowedException;
import org.lindi.error.RefOutOfBoundsException;
import org.lindi.rfs.ChunkRef;

/** SPEC 3 (url resolution) and SPEC 8 (where refs may point), as tables. */
@Timeout(30)
class UrlResolverTest {
  private static final String REFUSED = "REFUSED";
  private static final Configuration CONF = new Configuration(false);

  private static UrlResolver resolver(TestContainer c, String rewrite, String allowed) {
    return UrlResolver.fromOptions(c, CONF, rewrite, allowed);
  }

  /** Resolves url [7, 7+11) and returns the target path, or REFUSED when the policy says no. */
  private static String outcome(UrlResolver r, String url) {
    try {
      FileRange f = r.resolve(ChunkRef.range(url, 7, 11));
      if (f.offset() != 7 || f.length() != 11) {
        return "moved range " + f;
      }
      return f.path().toString();
    } catch (LocationNotAllowedException e) {
      return REFUSED;
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // the lindi file itself
      ".,                                   file:/data/session/rec.lindi",
      // relative paths: below the folder that holds the lindi file
      "ephys.h5,                            file:/data/session/ephys.h5",
      "sub/ephys.h5,                        file:/data/session/sub/ephys.h5",
      "./not-internal.h5,                   file:/data/session/not-internal.h5",
      "sub/../ephys.h5,                     file:/data/session/ephys.h5",
      "../escape.h5,                        REFUSED",
      "sub/../../escape.h5,                 REFUSED",
      // absolute paths: on the lindi file's filesystem, allowed only inside the folder
      "/data/session/abs.h5,                file:/data/session/abs.h5",
      "/data/session/../other/x.h5,         REFUSED",
      "/data/sessionX/x.h5,                 REFUSED",
      "/etc/passwd,                         REFUSED",
      // file: urls, same rule
      "file:/data/session/in.h5,            file:/data/session/in.h5",
      "file:///data/session/in.h5,          file:/data/session/in.h5",
      "file:/etc/passwd,                    REFUSED",
      "file:/data/session/../../etc/passwd, REFUSED",
      // shared storage: used as is
      "hdfs://nn:8020/rec/ephys.h5,         hdfs://nn:8020/rec/ephys.h5",
      "https://dandiarchive.s3.amazonaws.com/blobs/a/b, https://dandiarchive.s3.amazonaws.com/blobs/a/b",
      "http://example.org/x.h5,             http://example.org/x.h5",
      "s3a://bucket/x.h5,                   s3a://bucket/x.h5",
      "gs://bucket/x.h5,                    gs://bucket/x.h5",
      "abfs://c@acct.dfs.core.windows.net/x.h5,  abfs://c@acct.dfs.core.windows.net/x.h5",
      "abfss://c@acct.dfs.core.windows.net/x.h5, abfss://c@acct.dfs.core.windows.net/x.h5",
      // other schemes are not on the list
      "ftp://example.org/x.h5,              REFUSED",
      "jar:/x.h5,                           REFUSED",
  })
  void localLindi1FileRefs(String url, String expected) {
    UrlResolver r = resolver(TestContainer.lindi1("file:/data/session/rec.lindi"), null, null);
    assertEquals(expected, outcome(r, url));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/mnt/shared/a.h5,           file:/mnt/shared/a.h5",
      "file:/mnt/shared/sub/a.h5,  file:/mnt/shared/sub/a.h5",
      "/mnt/sharedother/a.h5,      REFUSED",
      "/opt/data/x.h5,             file:/opt/data/x.h5",
      "/opt/database/x.h5,         REFUSED",
      "/opt/data/../x.h5,          REFUSED",
      "ftp://example.org/pub/x.h5, ftp://example.org/pub/x.h5",
      "ftp://example.org/x.h5,     REFUSED",
      "/etc/passwd,                REFUSED",
  })
  void allowedLocationsAddPrefixes(String url, String expected) {
    UrlResolver r = resolver(TestContainer.lindi1("file:/data/session/rec.lindi"), null,
        "file:/mnt/shared/, /opt/data,ftp://example.org/pub");
    assertEquals(expected, outcome(r, url));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      ".,                     s3a://bucket/dandisets/000001/rec.nwb.lindi",
      "ephys.h5,              s3a://bucket/dandisets/000001/ephys.h5",
      "../000002/ephys.h5,    s3a://bucket/dandisets/000002/ephys.h5",
      "/other/x.h5,           s3a://bucket/other/x.h5",
      "https://h.org/x.h5,    https://h.org/x.h5",
      "file:/etc/passwd,      REFUSED",
      "file:/mnt/shared/a.h5, REFUSED",
      "file:///tmp/x.h5,      REFUSED",
  })
  void remoteLindiFileNeverPointsAtLocalFiles(String url, String expected) {
    // file:/mnt/shared is allowed by the option, yet a remote lindi file may not use it.
    UrlResolver r = resolver(TestContainer.lindi1("s3a://bucket/dandisets/000001/rec.nwb.lindi"),
        null, "file:/mnt/shared");
    assertEquals(expected, outcome(r, url));
  }

  @Test
  void lindiFileOnHttpsResolvesRelativeRefsOnTheSameHost() {
    UrlResolver r = resolver(TestContainer.lindi1("https://h.org/dandi/rec.lindi.json"), null, null);
    assertEquals("https://h.org/dandi/ephys.h5", outcome(r, "ephys.h5"));
    assertEquals(REFUSED, outcome(r, "file:/etc/passwd"));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
      "https://dandiarchive.s3.amazonaws.com/=s3a://dandiarchive/, https://dandiarchive.s3.amazonaws.com/blobs/a/b, s3a://dandiarchive/blobs/a/b",
      // longest prefix wins, whatever the order in the option
      "https://h.org/=s3a://short/;https://h.org/long/=s3a://long/, https://h.org/long/x, s3a://long/x",
      "https://h.org/=s3a://short/;https://h.org/long/=s3a://long/, https://h.org/other/x, s3a://short/other/x",
      // no match: unchanged
      "https://h.org/=s3a://short/, https://elsewhere.org/x, https://elsewhere.org/x",
      // a rewrite to a local path is still checked by the policy
      "https://h.org/=file:/etc/, https://h.org/passwd, REFUSED",
      "https://h.org/=file:/data/session/mirror/, https://h.org/x.h5, file:/data/session/mirror/x.h5",
  })
  void urlRewriteRunsBeforeResolution(String rules, String url, String expected) {
    UrlResolver r = resolver(TestContainer.lindi1("file:/data/session/rec.lindi"),
        rules.replace(';', ','), null);
    assertEquals(expected, outcome(r, url));
  }

  @ParameterizedTest(name = "[{0}, {1}, {2}] -> [{3}, {4})")
  @CsvSource({
      "./blobs/x, 0,  100, 1536, 100",
      "./blobs/x, 10, 20,  1546, 20",
      "./blobs/x, 10, -1,  1546, 90",
      "./blobs/x, 100, 0,  1636, 0",
  })
  void tarEntryRangesAreRelativeToTheEntry(String url, long off, long len, long absOff,
      long absLen) {
    TestContainer tar = new TestContainer(ContainerFormat.TAR, "file:/data/session/rec.lindi.tar")
        .with("./blobs/x", new FileRange(new Path("file:/data/session/rec.lindi.tar"), 1536, 100));
    FileRange f = resolver(tar, null, null).resolve(url, off, len);
    assertEquals(new FileRange(new Path("file:/data/session/rec.lindi.tar"), absOff, absLen), f);
  }

  @ParameterizedTest(name = "[{0}, {1}]")
  @CsvSource({"90, 20", "101, -1", "0, 101", "200, 1"})
  void tarEntryRangeMustFitTheEntry(long off, long len) {
    TestContainer tar = new TestContainer(ContainerFormat.TAR, "file:/data/session/rec.lindi.tar")
        .with("./blobs/x", new FileRange(new Path("file:/data/session/rec.lindi.tar"), 1536, 100));
    RefOutOfBoundsException e = assertThrows(RefOutOfBoundsException.class,
        () -> resolver(tar, null, null).resolve("./blobs/x", off, len));
    assertTrue(e.getMessage().contains("./blobs/x"), e.getMessage());
    assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("rec.lindi.tar"), e.getMessage());
  }

  @Test
  void directoryContainerFilesAndTheFolderAroundIt() {
    String dir = "file:/data/session/rec.lindi.d";
    TestContainer d = new TestContainer(ContainerFormat.DIR, dir)
        .with("./blobs/x", new FileRange(new Path(dir + "/blobs/x"), 0, -1));
    UrlResolver r = resolver(d, null, null);
    assertEquals(new FileRange(new Path(dir + "/blobs/x"), 5, 10), r.resolve("./blobs/x", 5, 10));
    // Relative refs are relative to the folder holding the .lindi.d directory.
    assertEquals("file:/data/session/ephys.h5", outcome(r, "ephys.h5"));
    assertEquals(REFUSED, outcome(r, "../ephys.h5"));
  }

  @Test
  void aContainerRangeOutsideTheFolderIsRefusedToo() {
    TestContainer rogue = TestContainer.lindi1("file:/data/session/rec.lindi")
        .with("./evil", new FileRange(new Path("file:/etc/passwd"), 0, -1));
    assertEquals(REFUSED, outcome(resolver(rogue, null, null), "./evil"));
  }

  @Test
  void theRefusalNamesUrlLindiFileAndHowToAllowIt() {
    UrlResolver r = resolver(TestContainer.lindi1("file:/data/session/rec.lindi"), null, null);
    LocationNotAllowedException e = assertThrows(LocationNotAllowedException.class,
        () -> r.resolve(ChunkRef.range("/etc/passwd", 0, 10)));
    String m = e.getMessage();
    assertTrue(m.contains("url=/etc/passwd"), m);
    assertTrue(m.contains("file=file:/data/session/rec.lindi"), m);
    assertTrue(m.contains("allowedLocations=file:/etc"), m);
  }

  @Test
  void theRemoteRefusalSaysWhyTheOptionDoesNotHelp() {
    UrlResolver r = resolver(TestContainer.lindi1("hdfs://nn/data/rec.lindi"), null, "file:/tmp");
    LocationNotAllowedException e = assertThrows(LocationNotAllowedException.class,
        () -> r.resolve("file:/tmp/x.h5", 0, 10));
    assertTrue(e.getMessage().contains("may not point at local files"), e.getMessage());
    assertTrue(e.getMessage().contains("hdfs://nn/data/rec.lindi"), e.getMessage());
  }

  @Test
  void aLocationWithoutSchemeIsQualifiedOnItsFilesystem() {
    UrlResolver r = resolver(TestContainer.lindi1("/data/session/rec.lindi"), null, null);
    assertEquals("file:/data/session/ephys.h5", outcome(r, "ephys.h5"));
    assertEquals(REFUSED, outcome(r, "/etc/passwd"));
  }

  @Test
  void wholeFileRefsKeepLengthMinusOne() {
    UrlResolver r = resolver(TestContainer.lindi1("file:/data/session/rec.lindi"), null, null);
    assertEquals(new FileRange(new Path("file:/data/session/ephys.h5"), 0, -1),
        r.resolve(ChunkRef.range("ephys.h5", 0, ChunkRef.WHOLE_FILE)));
  }

  @Test
  void inlineRefsAndEmptyUrlsAreNotResolved() {
    UrlResolver r = resolver(TestContainer.lindi1("file:/data/session/rec.lindi"), null, null);
    assertThrows(IllegalArgumentException.class, () -> r.resolve(ChunkRef.inline(new byte[1])));
    assertThrows(LindiException.class, () -> r.resolve("", 0, 1));
  }

  @Test
  void repeatedUrlsResolveToTheSameTarget() {
    UrlResolver r = resolver(TestContainer.lindi1("file:/data/session/rec.lindi"), null, null);
    List<FileRange> a = List.of(r.resolve("ephys.h5", 0, 1), r.resolve("ephys.h5", 5, 6));
    assertEquals(a.get(0).path(), a.get(1).path());
    assertEquals(5, a.get(1).offset());
  }
}
