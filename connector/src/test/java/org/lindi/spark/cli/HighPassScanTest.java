package org.lindi.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Threshold crossings of the 1 ms high-passed signal, with a 1 ms dead time, and the robust noise level. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HighPassScanTest {
  private static long[] crossings(short[] x, int channels, double threshold) {
    int rows = x.length / channels;
    long[] counts = new long[channels];
    double[] thr = new double[channels];
    java.util.Arrays.fill(thr, threshold);
    new HighPassScan(channels, rows).scan(x, 0, rows, 0, 0, null, null, 0, rows, thr, counts);
    return counts;
  }

  private static short[] flat(int rows, int value) {
    short[] x = new short[rows];
    java.util.Arrays.fill(x, (short) value);
    return x;
  }

  @Test
  void aConstantOffsetIsRemovedAndCrossesNothing() {
    assertArrayEquals(new long[] {0}, crossings(flat(500, -3000), 1, 10));
  }

  @Test
  void oneDipIsOneCrossing() {
    short[] x = flat(500, 100);
    for (int t = 200; t < 204; t++) {
      x[t] = -400;
    }
    assertArrayEquals(new long[] {1}, crossings(x, 1, 100));
  }

  @Test
  void dipsCloserThanTheDeadTimeCountOnceAndFartherTwice() {
    short[] near = flat(600, 0);
    near[200] = -500;
    near[200 + HighPassScan.DEAD_TIME] = -500; // DEAD_TIME positions later: still inside the dead time
    assertArrayEquals(new long[] {1}, crossings(near, 1, 100));
    short[] far = flat(600, 0);
    far[200] = -500;
    far[200 + HighPassScan.DEAD_TIME + 1] = -500;
    assertArrayEquals(new long[] {2}, crossings(far, 1, 100));
  }

  @Test
  void channelsAreCountedApart() {
    short[] x = new short[2 * 400];
    x[2 * 100] = -500;
    x[2 * 300 + 1] = -500;
    x[2 * 350 + 1] = -500;
    assertArrayEquals(new long[] {1, 2}, crossings(x, 2, 100));
  }

  @Test
  void dipsAtTheVeryEndsOfTheRecordingCount() {
    short[] x = flat(300, 0);
    x[0] = -500;
    x[299] = -500;
    assertArrayEquals(new long[] {2}, crossings(x, 1, 100));
  }

  @Test
  void scanningInPiecesGivesTheWholeScansAnswer() {
    Random r = new Random(5);
    int rows = 5000;
    short[] x = new short[rows];
    for (int t = 0; t < rows; t++) {
      x[t] = (short) (r.nextGaussian() * 50 + (t % 97 == 0 ? -400 : 0));
    }
    HighPassScan scan = new HighPassScan(1, rows);
    for (double threshold : new double[] {150, 250}) { // 3 sigma: many noise crossings; 5 sigma: the dips only
      double[] thr = {threshold};
      long[] whole = new long[1];
      scan.scan(x, 0, rows, 0, 0, null, null, 0, rows, thr, whole);
      long[] pieces = new long[1];
      for (int from = 0; from < rows; from += 700) {
        int to = Math.min(rows, from + 700);
        int b0 = Math.max(0, from - HighPassScan.REACH);
        int b1 = Math.min(rows, to + HighPassScan.REACH);
        short[] block = java.util.Arrays.copyOfRange(x, b0, b1);
        scan.scan(block, b0, b1 - b0, 0, 0, null, null, from, to, thr, pieces);
      }
      assertEquals(whole[0], pieces[0], "threshold " + threshold);
      if (threshold == 250) {
        assertEquals(rows / 97 + 1, whole[0]);
      } else {
        assertTrue(whole[0] > rows / 97 + 1, "noise crossings at 3 sigma");
      }
    }
  }

  @Test
  void aBlockWithoutTheSamplesAPositionNeedsIsRefused() {
    HighPassScan scan = new HighPassScan(1, 1000);
    short[] block = new short[100];
    assertThrows(IllegalArgumentException.class,
        () -> scan.scan(block, 100, 100, 0, 0, null, null, 100, 200, new double[] {1}, new long[1]));
  }

  @Test
  void robustNoiseOfGaussianNoiseIsItsSigmaDespiteSpikes() {
    Random r = new Random(9);
    int rows = 200_000;
    short[] x = new short[rows];
    for (int t = 0; t < rows; t++) {
      x[t] = (short) Math.round(r.nextGaussian() * 40 + (t % 3000 < 5 ? -600 : 0));
    }
    NoiseHistogram hist = new NoiseHistogram(1);
    double[] sumSquares = new double[1];
    new HighPassScan(1, rows).scan(x, 0, rows, 0, rows, hist, sumSquares, 0, 0, null, null);
    assertEquals(rows, hist.total(0));
    // a 31-sample moving average leaves sqrt(1 - 1/31) of white noise
    assertEquals(40 * Math.sqrt(1 - 1.0 / 31), hist.sigma(0), 0.8);
    double rms = Math.sqrt(sumSquares[0] / rows);
    assertEquals(Math.sqrt(40 * 40 + 600.0 * 600 * 5 / 3000), rms, 1.5);
  }
}
