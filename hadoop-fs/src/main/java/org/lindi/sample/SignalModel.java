package org.lindi.sample;

import java.util.List;
import java.util.Random;

/**
 * The voltage of every channel at every sample of a {@link SyntheticSession}, in int16 counts of
 * {@link #MICROVOLTS_PER_COUNT}: LFP-like oscillations (a slow drift, theta, gamma) whose phase
 * travels along the probe, white Gaussian noise of {@link #NOISE_MICROVOLTS}, and the units'
 * spike waveforms. Every value depends only on the seed, the sample and the channel (noise is a
 * hash of them), so chunks can be made in any order, on any thread. Immutable.
 */
final class SignalModel {
  /** Volts per count = this * 1e-6: the {@code conversion} of the data (an Intan headstage's step). */
  static final double MICROVOLTS_PER_COUNT = 0.195;
  /** Standard deviation of the noise. */
  static final double NOISE_MICROVOLTS = 10.0;
  /** Spike amplitude on the channels beside a unit's own, as a fraction of it. */
  static final double NEIGHBOUR_GAIN = 0.1;

  private static final double[] LFP_HZ = {0.7, 7.5, 42.0};
  private static final double[] LFP_MICROVOLTS = {40.0, 60.0, 12.0};
  private static final int GAUSS_BITS = 16;
  /** 2^16 standard normal draws; noise sums two of them (a Gaussian with tails beyond 6 sigma). */
  private static final double[] GAUSS = gaussTable();

  private final int channels;
  private final double rate;
  private final long seed;
  private final double[][] sinCoef;
  private final double[][] cosCoef;
  private final List<InjectedUnit> units;
  private final SpikeWaveform waveform;

  SignalModel(int channels, double rate, long seed, List<InjectedUnit> units) {
    this.channels = channels;
    this.rate = rate;
    this.seed = seed;
    this.units = List.copyOf(units);
    this.waveform = SpikeWaveform.at(rate);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    sinCoef = new double[LFP_HZ.length][channels];
    cosCoef = new double[LFP_HZ.length][channels];
    double[] gain = new double[channels];
    for (int c = 0; c < channels; c++) {
      gain[c] = 0.8 + 0.4 * r.nextDouble();
    }
    for (int k = 0; k < LFP_HZ.length; k++) {
      double offset = 2 * Math.PI * r.nextDouble();
      for (int c = 0; c < channels; c++) {
        // phase shifts by half a cycle from the first channel to the last: a travelling wave
        double phase = offset + Math.PI * c / Math.max(1, channels - 1);
        double a = LFP_MICROVOLTS[k] * gain[c] / MICROVOLTS_PER_COUNT;
        sinCoef[k][c] = a * Math.cos(phase); // a sin(wt + phase) = a cos(phase) sin(wt) + a sin(phase) cos(wt)
        cosCoef[k][c] = a * Math.sin(phase);
      }
    }
  }

  /**
   * Fills {@code out[(t - start) * channels + c]} with the sample of channel {@code c} at
   * {@code t}, for {@code t} in {@code [start, start + rows)}.
   */
  void fill(long start, int rows, short[] out) {
    double[] acc = new double[rows * channels];
    double noise = NOISE_MICROVOLTS / MICROVOLTS_PER_COUNT / Math.sqrt(2);
    int bands = LFP_HZ.length;
    double[] s = new double[bands];
    double[] co = new double[bands];
    for (int i = 0; i < rows; i++) {
      long t = start + i;
      for (int k = 0; k < bands; k++) {
        double w = 2 * Math.PI * LFP_HZ[k] * (t / rate);
        s[k] = Math.sin(w);
        co[k] = Math.cos(w);
      }
      int base = i * channels;
      long h0 = seed * 0x9E3779B97F4A7C15L + t * channels;
      for (int c = 0; c < channels; c++) {
        double v = 0;
        for (int k = 0; k < bands; k++) {
          v += sinCoef[k][c] * s[k] + cosCoef[k][c] * co[k];
        }
        long h = mix(h0 + c);
        v += noise * (GAUSS[(int) (h >>> (64 - GAUSS_BITS))] + GAUSS[(int) (h & ((1 << GAUSS_BITS) - 1))]);
        acc[base + c] = v;
      }
    }
    addSpikes(start, rows, acc);
    for (int j = 0; j < acc.length; j++) {
      long v = Math.round(acc[j]);
      out[j] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
  }

  private void addSpikes(long start, int rows, double[] acc) {
    long end = start + rows;
    for (InjectedUnit u : units) {
      double depth = u.amplitudeMicrovolts() / MICROVOLTS_PER_COUNT;
      for (int k = u.firstAtOrAfter(start - SpikeWaveform.POST); k < u.spikeCount(); k++) {
        long trough = u.sampleAt(k);
        if (trough - SpikeWaveform.PRE >= end) {
          break;
        }
        for (int dc = -1; dc <= 1; dc++) {
          int c = u.channel() + dc;
          if (c < 0 || c >= channels) {
            continue;
          }
          double a = depth * (dc == 0 ? 1.0 : NEIGHBOUR_GAIN);
          long from = Math.max(start, trough - SpikeWaveform.PRE);
          long to = Math.min(end, trough + SpikeWaveform.POST + 1);
          for (long t = from; t < to; t++) {
            acc[(int) (t - start) * channels + c] += a * waveform.at((int) (t - trough));
          }
        }
      }
    }
  }

  /** SplitMix64's finaliser: a well-mixed 64-bit hash. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double[] gaussTable() {
    Random r = new Random(20240611L);
    double[] g = new double[1 << GAUSS_BITS];
    for (int i = 0; i < g.length; i++) {
      g[i] = r.nextGaussian();
    }
    return g;
  }
}
