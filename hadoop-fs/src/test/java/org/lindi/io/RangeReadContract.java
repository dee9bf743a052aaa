package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.codec.ByteSlice;
import org.lindi.container.FileRange;
import org.lindi.error.ChunkFetchException;
import org.lindi.error.RefOutOfBoundsException;

/**
 * What every filesystem must give {@link ChunkRangeReader}: the right bytes in request order, the
 * fewest reads, and bounds checked before reading. Subclasses store the files (local, HDFS, http).
 */
@Timeout(60)
abstract class RangeReadContract {
  /** Spans a 1 MiB HDFS block boundary. */
  static final byte[] BIG = bytes((1 << 20) + 100_000, 42);
  static final byte[] SMALL = bytes(1200, 7);

  /** Stores {@code data} as a file named {@code name} and returns its path. */
  abstract Path store(String name, byte[] data) throws IOException;

  /** The configuration that reaches the filesystem. */
  abstract Configuration conf();

  /** A path that does not exist on the same filesystem. */
  abstract Path missing() throws IOException;

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static RangeReadOptions fastRetries() {
    return RangeReadOptions.DEFAULT.withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5));
  }

  ChunkRangeReader reader(RangeReadOptions options, ReadStatistics stats) {
    return new ChunkRangeReader(conf(), options, stats);
  }

  static void assertSlice(byte[] file, long offset, int length, ByteSlice s) {
    assertEquals(length, s.length(), "length of [" + offset + ", +" + length + ")");
    assertArrayEquals(Arrays.copyOfRange(file, (int) offset, (int) offset + length), s.toArray(),
        "bytes of [" + offset + ", +" + length + ")");
  }

  @ParameterizedTest(name = "vectored={0}")
  @ValueSource(booleans = {true, false})
  void nearbyRangesAreReadTogether(boolean vectored) throws IOException {
    Path big = store("big.bin", BIG);
    ReadStatistics stats = new ReadStatistics();
    List<FileRange> ranges = List.of(new FileRange(big, 0, 100), new FileRange(big, 200, 100),
        new FileRange(big, 1000, 100), new FileRange(big, 500_000, 100));
    try (ChunkRangeReader r = reader(fastRetries().withVectoredReads(vectored), stats)) {
      List<ByteSlice> got = r.readAll(ranges);
      for (int i = 0; i < ranges.size(); i++) {
        assertSlice(BIG, ranges.get(i).offset(), 100, got.get(i));
      }
    }
    assertEquals(4, stats.ranges());
    assertEquals(2, stats.requests(), stats.toString());
    assertEquals(1100 + 100, stats.bytesFetched(), stats.toString());
    assertEquals(0, stats.retries());
    assertTrue(stats.fetchNanos() > 0);
  }

  @Test
  void mergedReadsStayWithinMaxMerged() throws IOException {
    Path big = store("big.bin", BIG);
    List<FileRange> ranges = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ranges.add(new FileRange(big, i * 100_000L, 100_000));
    }
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries().withMaxMergedBytes(256 * 1024), stats)) {
      List<ByteSlice> got = r.readAll(ranges);
      for (int i = 0; i < 10; i++) {
        assertSlice(BIG, i * 100_000L, 100_000, got.get(i));
      }
    }
    assertEquals(5, stats.requests(), stats.toString());
    assertEquals(1_000_000, stats.bytesFetched());
  }

  @ParameterizedTest(name = "vectored={0}")
  @ValueSource(booleans = {true, false})
  void slicesComeBackInRequestOrder(boolean vectored) throws IOException {
    Path big = store("big.bin", BIG);
    Path small = store("small.bin", SMALL);
    Random rnd = new Random(3);
    List<FileRange> ranges = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      int len = rnd.nextInt(5000);
      ranges.add(new FileRange(big, rnd.nextInt(BIG.length - len), len));
      int slen = rnd.nextInt(200);
      ranges.add(new FileRange(small, rnd.nextInt(SMALL.length - slen), slen));
    }
    ranges.add(new FileRange(big, (1 << 20) - 500, 1000)); // across the HDFS block boundary
    ranges.add(ranges.get(0)); // the same range twice
    ranges.add(new FileRange(small, 1200, 0)); // empty, at the very end
    Collections.shuffle(ranges, rnd);
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries().withVectoredReads(vectored)
        .withMaxGapBytes(4096).withMaxMergedBytes(64 * 1024), stats)) {
      List<ByteSlice> got = r.readAll(ranges);
      assertEquals(ranges.size(), got.size());
      for (int i = 0; i < ranges.size(); i++) {
        FileRange f = ranges.get(i);
        assertSlice(f.path().equals(big) ? BIG : SMALL, f.offset(), (int) f.length(), got.get(i));
      }
    }
    assertTrue(stats.requests() < ranges.size() / 2, stats.toString());
  }

  @Test
  void aWholeFileRefReadsToTheEnd() throws IOException {
    Path small = store("small.bin", SMALL);
    try (ChunkRangeReader r = reader(fastRetries(), new ReadStatistics())) {
      assertSlice(SMALL, 0, SMALL.length, r.read(new FileRange(small, 0, -1)));
      assertSlice(SMALL, 1000, 200, r.read(new FileRange(small, 1000, -1)));
      assertEquals(SMALL.length, r.fileSize(small));
    }
  }

  @Test
  void aRangePastTheEndFailsBeforeAnythingIsRead() throws IOException {
    Path small = store("small.bin", SMALL);
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries(), stats)) {
      RefOutOfBoundsException e = assertThrows(RefOutOfBoundsException.class,
          () -> r.readAll(List.of(new FileRange(small, 0, 100), new FileRange(small, 1100, 200))));
      String m = e.getMessage();
      assertTrue(m.contains(small.toString()), m);
      assertTrue(m.contains("[1100, 1300)"), m);
      assertTrue(m.contains("1200 bytes"), m);
      assertThrows(RefOutOfBoundsException.class, () -> r.read(new FileRange(small, 1201, -1)));
    }
    assertEquals(0, stats.requests(), "nothing is read when one range is out of bounds");
  }

  @Test
  void aMissingFileIsAChunkFetchExceptionWithoutRetries() throws IOException {
    Path missing = missing();
    ReadStatistics stats = new ReadStatistics();
    try (ChunkRangeReader r = reader(fastRetries(), stats)) {
      ChunkFetchException e = assertThrows(ChunkFetchException.class,
          () -> r.read(new FileRange(missing, 10, 20)));
      assertTrue(e.getMessage().contains("file not found"), e.getMessage());
      assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("[10, 30)"), e.getMessage());
    }
    assertEquals(0, stats.retries());
  }
}
