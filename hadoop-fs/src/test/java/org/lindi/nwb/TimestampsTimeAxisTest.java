package org.lindi.nwb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.LindiFile;
import org.lindi.LindiOptions;
import org.lindi.error.LindiFormatException;

/**
 * The timestamps form on hand-built files (irregular ascending float64 timestamps, inline chunks):
 * index ranges equal a brute force, the binary search decodes O(log n) chunks (counted by a
 * pass-through filter), and NaN or descending timestamps are refused.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimestampsTimeAxisTest {
  static final String DATA = "acquisition/ts/data";
  static final String TIMESTAMPS = "acquisition/ts/timestamps";

  @TempDir
  Path dir;

  /** Ascending irregular gaps, with runs of equal timestamps. */
  static double[] irregular(int n, long seed) {
    Random random = new Random(seed);
    double[] t = new double[n];
    t[0] = 5.0;
    for (int i = 1; i < n; i++) {
      t[i] = random.nextInt(50) == 0 ? t[i - 1] : t[i - 1] + 1e-4 + random.nextDouble() * 2e-3;
    }
    return t;
  }

  private LindiFile open(double[] timestamps, int chunk, String counter) throws Exception {
    SyntheticLindi file = new SyntheticLindi().withFilter(CountingCodec.filter(counter))
        .group("acquisition", null)
        .group("acquisition/ts", SyntheticLindi.attrs().put("neurodata_type", "TimeSeries"))
        .emptyInt16(DATA, new long[] {timestamps.length}, 5000)
        .float64(TIMESTAMPS, timestamps, new long[] {timestamps.length}, chunk, null);
    return LindiFile.open(file.write(dir, counter + ".lindi.json"), new Configuration(),
        LindiOptions.defaults().withCodecs(CountingCodec.registry(dir)));
  }

  @ParameterizedTest(name = "{0} timestamps in chunks of {1}")
  @CsvSource({"10000, 1000", "10000, 100", "100000, 100"})
  void rangesEqualBruteForceAndReadLogarithmicallyManyChunks(int n, int chunk) throws Exception {
    double[] t = irregular(n, n + chunk);
    String counter = "ranges-" + n + "-" + chunk;
    try (LindiFile f = open(t, chunk, counter)) {
      TimeAxis shared = TimeAxis.of(f, DATA);
      assertEquals(TimeAxisSpec.Form.TIMESTAMPS, shared.form());
      assertEquals(TimeAxisSpec.ofTimestamps(n, TIMESTAMPS, chunk), shared.spec());
      assertEquals(chunk, shared.timestampsGrid().chunkSize(0));
      int chunks = (n + chunk - 1) / chunk;
      int bound = 2 * (32 - Integer.numberOfLeadingZeros(chunks - 1) + 2);
      Random random = new Random(n);
      long maxRead = 0;
      for (int trial = 0; trial < 60; trial++) {
        double lo = bound(random, t);
        double hi = random.nextInt(5) == 0 ? bound(random, t) : Math.max(lo, bound(random, t));
        boolean loInc = random.nextBoolean();
        boolean hiInc = random.nextBoolean();
        IndexRange expected = BruteForce.range(t, lo, loInc, hi, hiInc);
        assertEquals(expected, shared.indexRange(lo, loInc, hi, hiInc), "window " + lo + ", " + hi);
        CountingCodec.reset(counter);
        assertEquals(expected, TimeAxis.of(f, DATA).indexRange(lo, loInc, hi, hiInc));
        maxRead = Math.max(maxRead, CountingCodec.count(counter));
      }
      assertTrue(maxRead > 0, "the filter counted the chunks decoded");
      assertTrue(maxRead <= Math.min(bound, chunks), "a fresh search decoded up to " + maxRead + " of " + chunks
          + " chunks; O(log n) allows " + bound);
    }
  }

  private static double bound(Random random, double[] t) {
    double v = t[random.nextInt(t.length)];
    switch (random.nextInt(6)) {
      case 0:
        return Math.nextUp(v);
      case 1:
        return Math.nextDown(v);
      case 2:
        return random.nextBoolean() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      case 3:
        return random.nextBoolean() ? t[0] - 1 : t[t.length - 1] + 1;
      default:
        return v;
    }
  }

  @Test
  void timesReadOnlyTheChunksTheyNeed() throws Exception {
    double[] t = irregular(10000, 1);
    try (LindiFile f = open(t, 100, "times")) {
      TimeAxis axis = TimeAxis.of(f, "/" + DATA);
      CountingCodec.reset("times");
      assertArrayEquals(Arrays.copyOfRange(t, 1234, 1734), axis.times(1234, 500));
      assertEquals(6, CountingCodec.count("times"), "chunks 12..17");
      assertArrayEquals(t, axis.times(0, t.length));
      CountingCodec.reset("times");
      assertEquals(IndexRange.all(10000), axis.indexRange(Double.NEGATIVE_INFINITY, false,
          Double.POSITIVE_INFINITY, false));
      assertEquals(0, CountingCodec.count("times"), "open ends need no chunk");
    }
  }

  @Test
  void nanTimestampsAreAnErrorNamingFileArrayAndChunk() throws Exception {
    double[] t = irregular(10000, 2);
    t[4950] = Double.NaN; // in chunk 49, which the search reads first (position 4999)
    try (LindiFile f = open(t, 100, "nan")) {
      TimeAxis axis = TimeAxis.of(f, DATA);
      assertEquals(Double.NaN, axis.times(4950, 1)[0], "times() returns what is stored");
      LindiFormatException e = assertThrows(LindiFormatException.class,
          () -> axis.indexRange(6.0, true, 7.0, true));
      assertTrue(e.getMessage().contains("timestamp 4950 is NaN"), e.getMessage());
      assertEquals(TIMESTAMPS, e.context().array());
      assertEquals(TIMESTAMPS + "/49", e.context().key());
      assertTrue(e.getMessage().contains(f.location()), e.getMessage());
    }
  }

  @Test
  void descendingTimestampsAreAnError() throws Exception {
    double[] inside = irregular(1000, 3);
    for (int i = 0; i < inside.length / 2; i++) {
      double x = inside[i];
      inside[i] = inside[inside.length - 1 - i];
      inside[inside.length - 1 - i] = x;
    }
    try (LindiFile f = open(inside, 100, "desc-inside")) {
      LindiFormatException e = assertThrows(LindiFormatException.class,
          () -> TimeAxis.of(f, DATA).indexRange(5.5, true, 6, true));
      assertTrue(e.getMessage().contains("not ascending"), e.getMessage());
    }
    double[] across = new double[1000];
    for (int i = 0; i < across.length; i++) {
      across[i] = (10 - i / 100) * 10.0 + (i % 100) * 0.01; // each chunk ascends, chunks descend
    }
    try (LindiFile f = open(across, 100, "desc-across")) {
      LindiFormatException e = assertThrows(LindiFormatException.class,
          () -> TimeAxis.of(f, DATA).indexRange(55, true, 56, true));
      assertTrue(e.getMessage().matches("(?s).*chunk \\d+ ends at .* but chunk \\d+ starts at.*"), e.getMessage());
    }
  }

  @Test
  void timeSeriesThatDoNotFitAreRefused() throws Exception {
    SyntheticLindi file = new SyntheticLindi()
        .group("a", null)
        .emptyInt16("a/data", new long[] {10}, 10)
        .float64("a/timestamps", irregular(9, 4), new long[] {9}, 9, null)
        .group("b", null)
        .emptyInt16("b/data", new long[] {10}, 10)
        .scalar("b/starting_time", 0.0, SyntheticLindi.attrs().put("unit", "seconds"))
        .group("c", null)
        .emptyInt16("c/data", new long[] {10}, 10)
        .scalar("c/starting_time", 0.0, SyntheticLindi.attrs().put("rate", 0.0))
        .group("d", null)
        .emptyInt16("d/data", new long[] {10}, 10)
        .float64("d/timestamps", new double[20], new long[] {10, 2}, 10, null)
        .group("e", null)
        .emptyInt16("e/data", new long[] {10}, 10)
        .scalar("e/starting_time", Double.NaN, SyntheticLindi.attrs().put("rate", 10.0));
    try (LindiFile f = LindiFile.open(file.write(dir, "bad.lindi.json"), new Configuration())) {
      assertRefused(f, "a/data", "timestamps has 9 values for 10 positions");
      assertRefused(f, "b/data", "no numeric 'rate' attribute");
      assertRefused(f, "c/data", "rate is 0.0");
      assertRefused(f, "d/data", "timestamps must be a 1-D array of numbers");
      assertTrue(TimeAxis.exists(f, "e/data"), "the hierarchy is right; the value is not");
      assertRefused(f, "e/data", "starting_time is NaN");
    }
  }

  private static void assertRefused(LindiFile f, String path, String why) {
    if (!why.startsWith("starting_time is")) {
      assertFalse(TimeAxis.exists(f, path), path);
    }
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> TimeAxis.of(f, path));
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertEquals(path, e.context().array());
    assertEquals(f.location(), e.context().file());
  }
}
