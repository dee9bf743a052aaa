package org.lindi.spark.cli;

import java.io.Serializable;

/**
 * Per channel, a histogram of {@code |high-passed sample|} in half-count bins (up to 2048 counts),
 * from which the robust noise level {@code median(|x|) / 0.6745} follows without keeping the
 * samples. Histograms of parts of a recording add up to the histogram of the whole.
 */
final class NoiseHistogram implements Serializable {
  private static final long serialVersionUID = 1L;
  static final double BIN = 0.5;
  static final int BINS = 4096;
  /** median(|x|) of a zero-mean Gaussian is 0.6745 sigma. */
  static final double MAD_TO_SIGMA = 0.6745;

  private final int channels;
  private final long[] counts;

  NoiseHistogram(int channels) {
    this.channels = channels;
    this.counts = new long[channels * BINS];
  }

  void add(int channel, double magnitude) {
    int bin = (int) (magnitude / BIN);
    counts[channel * BINS + Math.min(bin, BINS - 1)]++;
  }

  /** Adds {@code other}'s counts to these. */
  NoiseHistogram merge(NoiseHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    return this;
  }

  long total(int channel) {
    long n = 0;
    for (int b = 0; b < BINS; b++) {
      n += counts[channel * BINS + b];
    }
    return n;
  }

  /** The median of the values of {@code channel}, interpolated inside its bin. */
  double median(int channel) {
    long n = total(channel);
    if (n == 0) {
      return Double.NaN;
    }
    double half = n / 2.0;
    long below = 0;
    for (int b = 0; b < BINS; b++) {
      long k = counts[channel * BINS + b];
      if (below + k >= half) {
        return (b + (half - below) / k) * BIN;
      }
      below += k;
    }
    return BINS * BIN;
  }

  /** Robust noise level of {@code channel}: {@code median / 0.6745}, in counts. */
  double sigma(int channel) {
    return median(channel) / MAD_TO_SIGMA;
  }

  int channels() {
    return channels;
  }
}
