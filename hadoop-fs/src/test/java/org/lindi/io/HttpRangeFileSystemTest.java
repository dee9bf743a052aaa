package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HttpRangeFileSystem against a local server with Range support, redirects and failures. */
@Timeout(30)
class HttpRangeFileSystemTest {
  private static final byte[] DATA = RangeReadContract.bytes(300_000, 11);
  private static RangeHttpServer server;
  private FileSystem fs;

  @BeforeAll
  static void startServer() throws IOException {
    server = new RangeHttpServer();
    server.put("data.bin", DATA);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static Configuration fastConf() {
    Configuration conf = new Configuration();
    HttpRangeFileSystem.register(conf);
    conf.setInt(HttpRangeFileSystem.RETRY_ATTEMPTS_KEY, 3);
    conf.setLong(HttpRangeFileSystem.RETRY_BASE_DELAY_KEY, 1);
    conf.setLong(HttpRangeFileSystem.RETRY_MAX_DELAY_KEY, 10);
    conf.setLong(HttpRangeFileSystem.IDLE_TIMEOUT_KEY, 500);
    conf.setInt(HttpRangeFileSystem.READ_AHEAD_KEY, 64 * 1024);
    return conf;
  }

  @BeforeEach
  void newFileSystem() throws IOException {
    server.flakyFailures = 2;
    // A fresh instance per test: its own client, so connections can be counted.
    fs = FileSystem.newInstance(URI.create(server.base()), fastConf());
  }

  @AfterEach
  void closeFileSystem() throws IOException {
    fs.close();
  }

  private Path path(String kind, String name) {
    return new Path(server.base() + "/" + kind + "/" + name);
  }

  @Test
  void registerInstallsItForBothSchemesUnlessConfigured() {
    Configuration conf = new Configuration(false);
    assertTrue(HttpRangeFileSystem.register(conf));
    assertEquals(HttpRangeFileSystem.class.getName(), conf.get("fs.http.impl"));
    assertEquals(HttpRangeFileSystem.class.getName(), conf.get("fs.https.impl"));

    Configuration mine = new Configuration(false);
    mine.set("fs.https.impl", "com.example.MyHttpsFileSystem");
    assertFalse(HttpRangeFileSystem.register(mine));
    assertEquals("com.example.MyHttpsFileSystem", mine.get("fs.https.impl"));
    assertEquals(HttpRangeFileSystem.class.getName(), mine.get("fs.http.impl"));
  }

  @Test
  void fileSystemGetUsesItAfterRegister() throws IOException {
    try (FileSystem f = FileSystem.newInstance(URI.create(server.base()), fastConf())) {
      assertTrue(f instanceof HttpRangeFileSystem, f.getClass().getName());
    }
  }

  @Test
  void statusGivesLengthAndModificationTime() throws IOException {
    FileStatus st = fs.getFileStatus(path("files", "data.bin"));
    assertEquals(DATA.length, st.getLen());
    assertTrue(st.isFile());
    assertEquals(1445412480000L, st.getModificationTime());
    assertEquals(st, fs.listStatus(path("files", "data.bin"))[0]);
    assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(path("files", "nope.bin")));
  }

  @Test
  void positionedReadsAtRandomOffsetsMatchAndShareOneConnection() throws IOException {
    int connectionsBefore = server.connections();
    long bytesBefore = bytesRead();
    long total = 0;
    Random rnd = new Random(5);
    try (FSDataInputStream in = fs.open(path("files", "data.bin"))) {
      for (int i = 0; i < 200; i++) {
        int len = 1 + rnd.nextInt(20_000);
        int off = rnd.nextInt(DATA.length - len);
        byte[] got = new byte[len];
        in.readFully(off, got);
        assertArrayEquals(Arrays.copyOfRange(DATA, off, off + len), got, "at " + off);
        total += len;
      }
    }
    assertEquals(1, server.connections() - connectionsBefore, "one kept-alive connection");
    assertEquals(total, bytesRead() - bytesBefore, "Hadoop's statistics count the bytes");
  }

  @SuppressWarnings("deprecation")
  private static long bytesRead() {
    return FileSystem.getStatistics("http", HttpRangeFileSystem.class).getBytesRead();
  }

  @Test
  void aChunkRangeReaderInstallsItWhenNothingIsConfigured() throws IOException {
    Configuration plain = new Configuration();
    assertFalse(HttpRangeFileSystem.isConfigured(plain));
    Path p = path("files", "data.bin");
    try (ChunkRangeReader r = new ChunkRangeReader(plain, RangeReadContract.fastRetries(),
        new ReadStatistics())) {
      RangeReadContract.assertSlice(DATA, 1000, 2000,
          r.read(new org.lindi.container.FileRange(p, 1000, 2000)));
    } finally {
      Configuration registered = new Configuration();
      HttpRangeFileSystem.register(registered);
      FileSystem.get(p.toUri(), registered).close(); // drop the cached instance
    }
    assertFalse(HttpRangeFileSystem.isConfigured(plain), "the caller's conf is not changed");
  }

  @Test
  void seekAndSequentialReadsMatch() throws IOException {
    Random rnd = new Random(6);
    try (FSDataInputStream in = fs.open(path("files", "data.bin"))) {
      for (int i = 0; i < 50; i++) {
        int len = 1 + rnd.nextInt(100_000);
        int off = rnd.nextInt(DATA.length - len);
        in.seek(off);
        byte[] got = new byte[len];
        in.readFully(got);
        assertArrayEquals(Arrays.copyOfRange(DATA, off, off + len), got, "at " + off);
        assertEquals(off + len, in.getPos());
      }
      in.seek(DATA.length - 1);
      assertEquals(DATA[DATA.length - 1] & 0xff, in.read());
      assertEquals(-1, in.read());
      in.seek(DATA.length + 10);
      assertEquals(-1, in.read(new byte[5], 0, 5));
      assertThrows(EOFException.class, () -> in.seek(-1));
    }
  }

  @Test
  void readsPastTheEndAreShortOrEof() throws IOException {
    try (FSDataInputStream in = fs.open(path("files", "data.bin"))) {
      byte[] b = new byte[100];
      assertEquals(50, in.read(DATA.length - 50, b, 0, 100));
      assertEquals(-1, in.read(DATA.length, b, 0, 100));
      assertThrows(EOFException.class, () -> in.readFully(DATA.length - 50, b));
    }
  }

  @Test
  void redirectsAreFollowed() throws IOException {
    assertEquals(DATA.length, fs.getFileStatus(path("redirect", "data.bin")).getLen());
    try (FSDataInputStream in = fs.open(path("redirect", "data.bin"))) {
      byte[] got = new byte[1000];
      in.readFully(123_456, got);
      assertArrayEquals(Arrays.copyOfRange(DATA, 123_456, 124_456), got);
    }
  }

  @Test
  void a503IsRetried() throws IOException {
    server.put("retry-me.bin", DATA);
    int before = server.requests.get();
    try (FSDataInputStream in = fs.open(path("flaky", "retry-me.bin"))) {
      byte[] got = new byte[1000];
      in.readFully(5000, got);
      assertArrayEquals(Arrays.copyOfRange(DATA, 5000, 6000), got);
    }
    assertEquals(3, server.requests.get() - before, "two 503s, then the data");
  }

  @Test
  void a503ThatOutlastsTheRetriesFails() throws IOException {
    server.flakyFailures = 1000;
    server.put("always-503.bin", DATA);
    long start = System.nanoTime();
    try (FSDataInputStream in = fs.open(path("flaky", "always-503.bin"))) {
      HttpStatusException e = assertThrows(HttpStatusException.class,
          () -> in.readFully(0, new byte[10]));
      assertEquals(503, e.status());
      assertTrue(e.getMessage().contains("always-503.bin"), e.getMessage());
    }
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
  }

  @Test
  void aReaderDoesNotRetryWhatTheFileSystemAlreadyRetried() throws IOException {
    server.flakyFailures = 1000;
    server.put("always-503-too.bin", DATA);
    Path p = path("flaky", "always-503-too.bin");
    int before = server.requests.get();
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = new ChunkRangeReader(fs.getConf(), RangeReadContract.fastRetries(),
        stats)) {
      org.lindi.error.ChunkFetchException e = assertThrows(
          org.lindi.error.ChunkFetchException.class,
          () -> r.read(new org.lindi.container.FileRange(p, 0, 10)));
      assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
      assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }
    assertEquals(0, stats.retries());
    assertEquals(3, server.requests.get() - before, "the filesystem's 3 attempts only");
  }

  @Test
  void aServerThatIgnoresRangeStillGivesTheRightBytes() throws IOException {
    assertEquals(DATA.length, fs.getFileStatus(path("norange", "data.bin")).getLen());
    try (FSDataInputStream in = fs.open(path("norange", "data.bin"))) {
      byte[] got = new byte[777];
      in.readFully(200_000, got);
      assertArrayEquals(Arrays.copyOfRange(DATA, 200_000, 200_777), got);
    }
  }

  @Test
  @Timeout(15)
  void aStalledResponseTimesOut() throws IOException {
    long start = System.nanoTime();
    try (FSDataInputStream in = fs.open(path("stall", "data.bin"))) {
      assertThrows(SocketTimeoutException.class, () -> in.readFully(0, new byte[10]));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 3 * 500 && millis < 10_000, millis + " ms for 3 attempts of 500 ms");
  }

  @Test
  void queryStringsReachTheServer() throws IOException {
    server.put("signed.bin", DATA);
    Path signed = new Path(server.base() + "/files/signed.bin?X-Sig=a%2Fb&x=1");
    try (FSDataInputStream in = fs.open(signed)) {
      byte[] got = new byte[10];
      in.readFully(10, got);
      assertArrayEquals(Arrays.copyOfRange(DATA, 10, 20), got);
    }
    assertTrue(server.queries.contains("X-Sig=a%2Fb&x=1"), server.queries.toString());
  }

  @Test
  void vectoredReadsReturnEveryRange() throws Exception {
    assumeTrue(VectoredReads.available(), "Hadoop before 3.3.5 (Spark 3.5) has no vectored reads");
    Random rnd = new Random(8);
    long[] offsets = new long[30];
    int[] lengths = new int[30];
    for (int i = 0; i < 30; i++) {
      offsets[i] = i * 10_000L;
      lengths[i] = 1 + rnd.nextInt(5000);
    }
    try (FSDataInputStream in = fs.open(path("files", "data.bin"))) {
      assertTrue(in.hasCapability(VectoredReads.CAPABILITY));
      List<CompletableFuture<ByteBuffer>> data =
          VectoredReads.start(in, offsets, lengths, ByteBuffer::allocateDirect);
      for (int i = 0; i < 30; i++) {
        ByteBuffer b = data.get(i).get();
        byte[] got = new byte[b.remaining()];
        b.get(got);
        int off = (int) offsets[i];
        assertArrayEquals(Arrays.copyOfRange(DATA, off, off + lengths[i]), got);
      }
    }
  }

  @Test
  void writesAreRefused() {
    Path p = path("files", "new.bin");
    for (IoAction a : List.<IoAction>of(() -> fs.create(p), () -> fs.delete(p, false),
        () -> fs.mkdirs(p), () -> fs.rename(p, path("files", "other.bin")),
        () -> fs.append(p))) {
      IOException e = assertThrows(IOException.class, a::run);
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
  }

  @Test
  void pathsAreEncodedForTheRequest() {
    HttpRangeFileSystem h = (HttpRangeFileSystem) fs;
    assertEquals(server.base() + "/files/a%20b%25c%20d.bin?q=1",
        h.requestUri(new Path(server.base() + "/files/a b%25c d.bin?q=1")).toString());
    assertEquals(server.base() + "/files/100%25.bin",
        h.requestUri(new Path(server.base() + "/files/100%.bin")).toString());
  }

  /** An operation that may throw IOException. */
  interface IoAction {
    Object run() throws IOException;
  }
}
