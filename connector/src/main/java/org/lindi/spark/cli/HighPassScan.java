package org.lindi.spark.cli;

/**
 * The spike-band view of int16 samples that the demo measures: each sample minus the mean of the
 * {@code 2 * HALF_WIDTH + 1} samples around it (a 1 ms moving average at 30 kHz, cut at the ends of
 * the recording), which removes the LFP and keeps spikes. Scans a block of rows of all channels
 * (row-major) that holds every sample the scanned positions depend on: positions only, so a
 * recording split in blocks gives exactly the answer of one scan over the whole of it.
 *
 * <p>A threshold crossing on a channel is a position whose value is below {@code -threshold}
 * while none of the {@link #DEAD_TIME} positions before it was (a 1 ms dead time: one spike, one
 * crossing).
 */
final class HighPassScan {
  /** Half the moving-average window, in samples. */
  static final int HALF_WIDTH = 15;
  /** Positions after a below-threshold value in which a new crossing is not counted. */
  static final int DEAD_TIME = 30;
  /** Samples before and after a position that a crossing there depends on, in the worst case. */
  static final int REACH = DEAD_TIME + 2 * HALF_WIDTH;

  private final int channels;
  private final long total;

  /** @param total rows of the whole recording (the moving average is cut at 0 and {@code total}). */
  HighPassScan(int channels, long total) {
    this.channels = channels;
    this.total = total;
  }

  /**
   * Scans {@code block} (rows {@code [blockStart, blockStart + rows)} of the recording): adds
   * {@code |high-passed value|} of positions {@code [noiseFrom, noiseTo)} to {@code noise} and their
   * raw squares to {@code sumSquares}; when {@code thresholds} is not null, counts crossings at
   * positions {@code [crossFrom, crossTo)} into {@code crossings}. Empty ranges are skipped.
   */
  void scan(short[] block, long blockStart, int rows, long noiseFrom, long noiseTo, NoiseHistogram noise,
      double[] sumSquares, long crossFrom, long crossTo, double[] thresholds, long[] crossings) {
    boolean doNoise = noise != null && noiseTo > noiseFrom;
    boolean doCross = thresholds != null && crossTo > crossFrom;
    if (!doNoise && !doCross) {
      return;
    }
    long first = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    if (doNoise) {
      first = noiseFrom;
      end = noiseTo;
    }
    if (doCross) {
      first = Math.min(first, Math.max(0, crossFrom - DEAD_TIME));
      end = Math.max(end, crossTo);
    }
    long need0 = Math.max(0, first - HALF_WIDTH);
    long need1 = Math.min(total, end + HALF_WIDTH);
    if (need0 < blockStart || need1 > blockStart + rows) {
      throw new IllegalArgumentException("positions [" + first + ", " + end + ") need rows [" + need0 + ", " + need1
          + ") but the block holds [" + blockStart + ", " + (blockStart + rows) + ")");
    }
    double[] sum = new double[channels];
    long lo = Math.max(0, first - HALF_WIDTH);
    long hi = Math.min(total - 1, first + HALF_WIDTH);
    for (long s = lo; s <= hi; s++) {
      int base = (int) (s - blockStart) * channels;
      for (int c = 0; c < channels; c++) {
        sum[c] += block[base + c];
      }
    }
    long[] lastBelow = new long[channels];
    java.util.Arrays.fill(lastBelow, Long.MIN_VALUE / 2);
    for (long t = first; t < end; t++) {
      double count = hi - lo + 1;
      int base = (int) (t - blockStart) * channels;
      boolean inNoise = doNoise && t >= noiseFrom && t < noiseTo;
      boolean inCross = doCross && t >= crossFrom && t < crossTo;
      for (int c = 0; c < channels; c++) {
        short x = block[base + c];
        double hp = x - sum[c] / count;
        if (inNoise) {
          noise.add(c, Math.abs(hp));
          sumSquares[c] += (double) x * x;
        }
        if (doCross && hp < -thresholds[c]) {
          if (inCross && t - lastBelow[c] > DEAD_TIME) {
            crossings[c]++;
          }
          lastBelow[c] = t;
        }
      }
      // slide the window to t + 1
      if (t - HALF_WIDTH >= 0) {
        int out = (int) (t - HALF_WIDTH - blockStart) * channels;
        for (int c = 0; c < channels; c++) {
          sum[c] -= block[out + c];
        }
        lo = t - HALF_WIDTH + 1;
      }
      if (t + 1 + HALF_WIDTH <= total - 1 && t + 1 < end) {
        int in = (int) (t + 1 + HALF_WIDTH - blockStart) * channels;
        for (int c = 0; c < channels; c++) {
          sum[c] += block[in + c];
        }
        hi = t + 1 + HALF_WIDTH;
      }
    }
  }
}
