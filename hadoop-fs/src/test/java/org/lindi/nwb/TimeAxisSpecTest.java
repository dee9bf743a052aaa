package org.lindi.nwb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rate form computed without a file: time of sample i = starting_time + i / rate, and index
 * ranges that are exact for awkward rates, huge starting times and bounds one ulp from a sample.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimeAxisSpecTest {
  @ParameterizedTest(name = "start {0}, rate {1}")
  @CsvSource({
      "0.0, 30000.0", "12.5, 30000.0", "0.0, 29999.7", "-3.25, 1000.0", "1e9, 30000.0", "1e15, 30000.0",
      "1e15, 3.0", "0.0, 1e-3", "7.0, 0.1", "123.456, 24414.0625", "0.0, 3.0", "1e-300, 1e300"})
  void indexRangesAreExactForEveryBound(double start, double rate) {
    int n = 4000;
    TimeAxisSpec spec = TimeAxisSpec.ofRate(n, start, rate);
    double[] times = spec.times(0, n);
    Random random = new Random(Double.hashCode(start) * 31 + Double.hashCode(rate));
    for (int trial = 0; trial < 300; trial++) {
      double lo = bound(random, times);
      double hi = random.nextInt(4) == 0 ? bound(random, times) : Math.max(lo, bound(random, times));
      boolean loInc = random.nextBoolean();
      boolean hiInc = random.nextBoolean();
      assertEquals(BruteForce.range(times, lo, loInc, hi, hiInc), spec.indexRange(lo, loInc, hi, hiInc),
          "window " + lo + (loInc ? " <= t" : " < t") + (hiInc ? " <= " : " < ") + hi);
    }
  }

  /** A sample's time, one ulp beside it, between two samples, or beyond either end. */
  private static double bound(Random random, double[] times) {
    double t = times[random.nextInt(times.length)];
    switch (random.nextInt(7)) {
      case 0:
        return Math.nextUp(t);
      case 1:
        return Math.nextDown(t);
      case 2:
        return (t + times[Math.min(times.length - 1, random.nextInt(times.length))]) / 2;
      case 3:
        return random.nextBoolean() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      case 4:
        return times[0] - (times[times.length - 1] - times[0]) * random.nextDouble();
      default:
        return t;
    }
  }

  @Test
  void timesFollowTheNwbFormula() {
    TimeAxisSpec spec = TimeAxisSpec.ofRate(10, 2.5, 4.0);
    assertEquals(2.5, spec.timeAt(0), 0.0);
    assertEquals(2.5 + 7 / 4.0, spec.timeAt(7), 0.0);
    assertEquals(spec.timeAt(3), spec.times(3, 2)[0], 0.0);
    assertEquals(IndexRange.of(2, 10), spec.indexRange(3.0, true, Double.POSITIVE_INFINITY, true));
    assertEquals(IndexRange.of(3, 10), spec.indexRange(3.0, false, Double.POSITIVE_INFINITY, true));
    assertEquals(IndexRange.EMPTY, TimeAxisSpec.ofRate(0, 0, 1).indexRange(-1, true, 1, true));
  }

  @Test
  void invalidRatesAndWrongFormsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TimeAxisSpec.ofRate(5, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> TimeAxisSpec.ofRate(5, 0, -30000));
    assertThrows(IllegalArgumentException.class, () -> TimeAxisSpec.ofRate(5, 0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> TimeAxisSpec.ofRate(5, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> TimeAxisSpec.ofRate(5, 0, Double.MIN_VALUE));
    TimeAxisSpec ts = TimeAxisSpec.ofTimestamps(100, "a/timestamps", 10);
    assertThrows(IllegalStateException.class, () -> ts.timeAt(0));
    assertThrows(IllegalStateException.class, () -> ts.indexRange(0, true, 1, true));
    assertEquals(9, ts.timestampsChunkOf(99));
    assertThrows(IllegalStateException.class, () -> TimeAxisSpec.ofRate(5, 0, 1).timestampsChunkOf(0));
  }

  @Test
  void specsAreSmallSerialisableValues() throws Exception {
    for (TimeAxisSpec spec : new TimeAxisSpec[] {TimeAxisSpec.ofRate(20000, 0.5, 30000),
        TimeAxisSpec.ofTimestamps(10000, "acquisition/x/timestamps", 1000)}) {
      byte[] bytes = serialise(spec);
      assertTrue(bytes.length < 400, "serialised size " + bytes.length);
      assertEquals(spec, deserialise(bytes));
      assertEquals(spec.hashCode(), deserialise(bytes).hashCode());
    }
    assertNotEquals(TimeAxisSpec.ofRate(1, 0, 2), TimeAxisSpec.ofRate(1, 0, 3));
    assertEquals(IndexRange.of(3, 9), deserialise(serialise(IndexRange.of(3, 9))));
  }

  @Test
  void indexRangesAreValues() {
    assertEquals(IndexRange.EMPTY, IndexRange.of(5, 5));
    assertEquals(IndexRange.EMPTY, IndexRange.of(7, 2));
    assertTrue(IndexRange.of(4, 4).isEmpty());
    assertEquals(6, IndexRange.of(3, 9).length());
    assertEquals(IndexRange.of(5, 9), IndexRange.of(3, 9).intersect(IndexRange.of(5, 12)));
    assertEquals(IndexRange.EMPTY, IndexRange.of(3, 5).intersect(IndexRange.of(5, 12)));
    assertEquals(IndexRange.of(0, 10), IndexRange.all(10));
    assertTrue(IndexRange.of(3, 9).contains(3) && !IndexRange.of(3, 9).contains(9));
    assertEquals("[3, 9)", IndexRange.of(3, 9).toString());
    assertThrows(IllegalArgumentException.class, () -> IndexRange.of(-1, 3));
  }

  @Test
  void searchNearAGuessFindsWhatBinarySearchFinds() {
    Random random = new Random(7);
    for (int trial = 0; trial < 2000; trial++) {
      long n = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(1_000_000);
      long answer = n == 0 ? 0 : (long) (random.nextDouble() * (n + 1));
      LongPredicate holds = i -> {
        assertTrue(i >= 0 && i < n, "probe " + i + " outside [0, " + n + ")");
        return i >= answer;
      };
      long guess = random.nextInt(4) == 0 ? answer + random.nextInt(3) - 1 : random.nextLong() % (2 * n + 3);
      assertEquals(Math.min(answer, n), MonotoneSearch.first(n, holds));
      assertEquals(Math.min(answer, n), MonotoneSearch.firstNear(n, holds, guess), "guess " + guess);
    }
  }

  private static byte[] serialise(Object o) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream s = new ObjectOutputStream(out)) {
      s.writeObject(o);
    }
    return out.toByteArray();
  }

  private static Object deserialise(byte[] bytes) throws Exception {
    try (ObjectInputStream s = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return s.readObject();
    }
  }
}
