package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.codec.ByteSlice;
import org.lindi.container.FileRange;
import org.lindi.error.ChunkFetchException;
import org.lindi.error.RefOutOfBoundsException;
import org.lindi.error.UnsupportedFeatureException;

/** Range reads on the local filesystem, and retries through a test filesystem that fails. */
@Timeout(60)
class ChunkRangeReaderTest extends RangeReadContract {
  private static final java.nio.file.Path FIXTURES =
      Paths.get(System.getProperty("lindi.fixtures", "/work/shared/fixtures"));

  @TempDir
  java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();

  @Override
  Path store(String name, byte[] data) throws IOException {
    return new Path(Files.write(tmp.resolve(name), data).toUri());
  }

  @Override
  Configuration conf() {
    return conf;
  }

  @Override
  Path missing() {
    return new Path(tmp.resolve("missing.bin").toUri());
  }

  /** The fixture's x/0 and x/1 are inside the 1200-byte file; x/2 = [5296, 5696) is not. */
  @Test
  void fixtureOffsetPastEof() throws IOException {
    java.nio.file.Path bin = FIXTURES.resolve("broken/offset_past_eof.chunks.bin");
    byte[] all = Files.readAllBytes(bin);
    assertEquals(1200, all.length);
    Path p = new Path(bin.toUri());
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries(), stats)) {
      List<ByteSlice> ok = r.readAll(List.of(new FileRange(p, 0, 400), new FileRange(p, 400, 400)));
      assertSlice(all, 0, 400, ok.get(0));
      assertSlice(all, 400, 400, ok.get(1));
      RefOutOfBoundsException e = assertThrows(RefOutOfBoundsException.class,
          () -> r.read(new FileRange(p, 5296, 400)));
      String m = e.getMessage();
      assertTrue(m.startsWith("ref out of bounds"), m);
      assertTrue(m.contains("offset_past_eof.chunks.bin"), m);
      assertTrue(m.contains("[5296, 5696)"), m);
      assertTrue(m.contains("1200 bytes"), m);
      assertEquals(p.toString(), e.context().url());
      assertEquals(5296, e.context().offset());
      assertEquals(400, e.context().length());
    }
  }

  /** The fixture's refs, resolved as a lindi file's refs are: x/0 and x/1 read, x/2 does not. */
  @Test
  void fixtureRefsResolvedAndRead() throws IOException {
    java.nio.file.Path lindi = FIXTURES.resolve("broken/offset_past_eof.lindi.json");
    com.fasterxml.jackson.databind.JsonNode refs =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(lindi.toFile()).get("refs");
    byte[] bin = Files.readAllBytes(FIXTURES.resolve("broken/offset_past_eof.chunks.bin"));
    TestContainer json = new TestContainer(org.lindi.container.ContainerFormat.JSON,
        lindi.toUri().toString());
    UrlResolver resolver = UrlResolver.fromOptions(json, conf, null, null);
    try (ChunkRangeReader r = reader(fastRetries(), new ReadStatistics())) {
      for (String key : List.of("x/0", "x/1", "x/2")) {
        com.fasterxml.jackson.databind.JsonNode ref = refs.get(key);
        FileRange range = resolver.resolve(org.lindi.rfs.ChunkRef.range(ref.get(0).asText(),
            ref.get(1).asLong(), ref.get(2).asLong()));
        if (key.equals("x/2")) {
          RefOutOfBoundsException e = assertThrows(RefOutOfBoundsException.class,
              () -> r.read(range));
          assertTrue(e.getMessage().contains("[5296, 5696)"), e.getMessage());
        } else {
          assertSlice(bin, range.offset(), (int) range.length(), r.read(range));
        }
      }
    }
  }

  @Test
  void aRangeLargerThanAnArrayIsRefusedBeforeAllocating() throws IOException {
    java.nio.file.Path sparse = tmp.resolve("sparse.bin");
    try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: no 3 GiB written
    }
    try (ChunkRangeReader r = reader(fastRetries(), new ReadStatistics())) {
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
          () -> r.read(new FileRange(new Path(sparse.toUri()), 0, -1)));
      assertTrue(e.getMessage().contains("2 GiB"), e.getMessage());
    }
  }

  @Test
  void aDirectoryIsNotAChunk() throws IOException {
    try (ChunkRangeReader r = reader(fastRetries(), new ReadStatistics())) {
      ChunkFetchException e = assertThrows(ChunkFetchException.class,
          () -> r.read(new FileRange(new Path(tmp.toUri()), 0, 1)));
      assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }
  }

  // ---- retries, through flaky:// ----

  private FlakyFileSystem flaky(Path p) throws IOException {
    return (FlakyFileSystem) FileSystem.get(p.toUri(), conf);
  }

  @Test
  void transientFailuresAreRetried() throws IOException {
    FlakyFileSystem.configure(conf, 2, "transient", false);
    Path p = FlakyFileSystem.pathOf(Files.write(tmp.resolve("f.bin"), SMALL));
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries().withRetries(4, Duration.ofMillis(1),
        Duration.ofMillis(5)), stats)) {
      assertSlice(SMALL, 100, 50, r.read(new FileRange(p, 100, 50)));
    }
    assertEquals(2, stats.retries());
    assertEquals(1, stats.requests());
    assertEquals(3, flaky(p).readCalls.get());
    assertEquals(0, flaky(p).openStreams.get(), "broken streams are closed, the last one on close");
  }

  @Test
  void aReadThatKeepsFailingNamesUrlAndRange() throws IOException {
    FlakyFileSystem.configure(conf, Integer.MAX_VALUE, "transient", false);
    Path p = FlakyFileSystem.pathOf(Files.write(tmp.resolve("f.bin"), SMALL));
    ReadStatistics stats = new ReadStatistics();
    long start = System.nanoTime();
    try (ChunkRangeReader r = reader(fastRetries(), stats)) {
      ChunkFetchException e = assertThrows(ChunkFetchException.class,
          () -> r.read(new FileRange(p, 100, 50)));
      String m = e.getMessage();
      assertTrue(m.contains(p.toString()), m);
      assertTrue(m.contains("[100, 150)"), m);
      assertTrue(m.contains("after 3 attempts"), m);
      assertTrue(m.contains("injected transient failure"), m);
      assertEquals(p.toString(), e.context().url());
    }
    assertEquals(2, stats.retries());
    assertEquals(3, flaky(p).readCalls.get());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "backoff stays bounded");
  }

  @Test
  void deniedAccessIsNotRetried() throws IOException {
    FlakyFileSystem.configure(conf, 1, "denied", false);
    Path p = FlakyFileSystem.pathOf(Files.write(tmp.resolve("f.bin"), SMALL));
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries(), stats)) {
      ChunkFetchException e = assertThrows(ChunkFetchException.class,
          () -> r.read(new FileRange(p, 0, 10)));
      assertTrue(e.getMessage().contains("access denied"), e.getMessage());
    }
    assertEquals(0, stats.retries());
    assertEquals(1, flaky(p).readCalls.get());
  }

  @Test
  void aFailedVectoredReadFallsBackToRetriedPositionedReads() throws IOException {
    assumeTrue(VectoredReads.available(), "Hadoop before 3.3.5 (Spark 3.5) has no vectored reads");
    FlakyFileSystem.configure(conf, 1, "transient", true);
    Path p = FlakyFileSystem.pathOf(Files.write(tmp.resolve("f.bin"), BIG));
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries(), stats)) {
      List<ByteSlice> got = r.readAll(List.of(new FileRange(p, 10, 100),
          new FileRange(p, 600_000, 100), new FileRange(p, 900_000, 100)));
      assertSlice(BIG, 10, 100, got.get(0));
      assertSlice(BIG, 600_000, 100, got.get(1));
      assertSlice(BIG, 900_000, 100, got.get(2));
    }
    assertEquals(1, stats.retries());
    assertEquals(3, stats.requests());
  }

  @ParameterizedTest(name = "vectored option={0}")
  @ValueSource(booleans = {true, false})
  void streamsThatDeclareVectoredReadsGetOneCallPerFile(boolean option) throws IOException {
    assumeTrue(!option || VectoredReads.available(),
        "Hadoop before 3.3.5 (Spark 3.5) has no vectored reads");
    FlakyFileSystem.configure(conf, 0, "transient", true);
    Path p = FlakyFileSystem.pathOf(Files.write(tmp.resolve("f.bin"), BIG));
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries().withVectoredReads(option), stats)) {
      List<ByteSlice> got = r.readAll(List.of(new FileRange(p, 900_000, 100),
          new FileRange(p, 10, 100), new FileRange(p, 600_000, 100), new FileRange(p, 150, 50)));
      assertSlice(BIG, 900_000, 100, got.get(0));
      assertSlice(BIG, 10, 100, got.get(1));
      assertSlice(BIG, 600_000, 100, got.get(2));
      assertSlice(BIG, 150, 50, got.get(3));
    }
    assertEquals(option ? 1 : 0, flaky(p).vectoredCalls.get());
    assertEquals(3, stats.requests());
    assertEquals(3, flaky(p).readCalls.get());
  }

  @Test
  void sizesAndStreamsAreFetchedOncePerFile() throws IOException {
    FlakyFileSystem.configure(conf, 0, "transient", false);
    Path a = FlakyFileSystem.pathOf(Files.write(tmp.resolve("a.bin"), SMALL));
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries(), stats)) {
      for (int i = 0; i < 5; i++) {
        r.readAll(List.of(new FileRange(a, i * 10, 10), new FileRange(a, 1000 + i, 10)));
      }
      assertEquals(1, flaky(a).statusCalls.get());
      assertEquals(1, flaky(a).openCalls.get());
      assertEquals(1, flaky(a).openStreams.get());
    }
    assertEquals(0, flaky(a).openStreams.get(), "close() closes the streams");
    assertEquals(5, stats.requests(), "the two ranges of each call are coalesced");
  }

  @Test
  void theLeastRecentlyUsedStreamIsClosedBeyondMaxOpenFiles() throws IOException {
    FlakyFileSystem.configure(conf, 0, "transient", false);
    Path a = FlakyFileSystem.pathOf(Files.write(tmp.resolve("a.bin"), SMALL));
    Path b = FlakyFileSystem.pathOf(Files.write(tmp.resolve("b.bin"), SMALL), a);
    Path c = FlakyFileSystem.pathOf(Files.write(tmp.resolve("c.bin"), SMALL), a);
    FlakyFileSystem fs = flaky(a);
    try (ChunkRangeReader r = reader(fastRetries().withMaxOpenFiles(2), new ReadStatistics())) {
      for (Path p : List.of(a, b, c, a)) {
        assertSlice(SMALL, 5, 5, r.read(new FileRange(p, 5, 5)));
        assertTrue(fs.openStreams.get() <= 2, "at most 2 open streams");
      }
      assertEquals(4, fs.openCalls.get(), "a was closed when c was opened, then reopened");
      assertEquals(3, fs.statusCalls.get(), "sizes outlive the streams");
    }
    assertEquals(0, fs.openStreams.get());
  }

  @Test
  void aClosedReaderRefusesToRead() throws IOException {
    Path small = store("small.bin", SMALL);
    ChunkRangeReader r = reader(fastRetries(), new ReadStatistics());
    r.close();
    assertThrows(IllegalStateException.class, () -> r.read(new FileRange(small, 0, 1)));
  }

  @Test
  void slicesOfACoalescedReadShareOneBuffer() throws IOException {
    Path small = store("small.bin", SMALL);
    try (ChunkRangeReader r = reader(fastRetries().withVectoredReads(false),
        new ReadStatistics())) {
      List<ByteSlice> got = r.readAll(List.of(new FileRange(small, 0, 10),
          new FileRange(small, 20, 10)));
      assertTrue(got.get(0).array() == got.get(1).array());
      assertArrayEquals(java.util.Arrays.copyOfRange(SMALL, 20, 30), got.get(1).toArray());
    }
  }

  @Test
  void readsIntoAnArenaReuseItsBufferAfterAReset() throws IOException {
    Path small = store("small.bin", SMALL);
    ReadArena arena = new ReadArena();
    arena.reserve(64); // 72 bytes
    try (ChunkRangeReader r = reader(fastRetries().withVectoredReads(false).withMaxGapBytes(0),
        new ReadStatistics())) {
      List<FileRange> ranges = List.of(new FileRange(small, 0, 10), new FileRange(small, 20, 10));
      List<ByteSlice> first = r.readAll(ranges, arena);
      assertTrue(first.get(0).array() == first.get(1).array(), "two reads, one arena buffer");
      assertEquals(72, first.get(0).array().length);
      assertArrayEquals(java.util.Arrays.copyOfRange(SMALL, 20, 30), first.get(1).toArray());
      arena.reset();
      List<ByteSlice> second = r.readAll(List.of(new FileRange(small, 40, 10)), arena);
      assertTrue(second.get(0).array() == first.get(0).array(), "the buffer is reused after a reset");
      assertArrayEquals(java.util.Arrays.copyOfRange(SMALL, 40, 50), second.get(0).toArray());
      assertArrayEquals(java.util.Arrays.copyOfRange(SMALL, 40, 50), first.get(0).toArray(),
          "the first read's bytes were overwritten: slices live until the reset");
    }
  }

  @Test
  void optionsComeFromTheConfiguration() {
    Configuration c = new Configuration(false);
    c.setLong(RangeReadOptions.MAX_GAP_KEY, 10);
    c.setInt(RangeReadOptions.MAX_MERGED_KEY, 1000);
    c.setInt(RangeReadOptions.MAX_ATTEMPTS_KEY, 2);
    c.setBoolean(RangeReadOptions.VECTORED_KEY, false);
    RangeReadOptions o = RangeReadOptions.fromConfiguration(c);
    assertEquals(RangeReadOptions.DEFAULT.withMaxGapBytes(10).withMaxMergedBytes(1000)
        .withRetries(2, Duration.ofMillis(200), Duration.ofSeconds(10)).withVectoredReads(false), o);
    assertThrows(IllegalArgumentException.class,
        () -> RangeReadOptions.DEFAULT.withMaxMergedBytes(0));
  }
}
