package org.lindi.sample;

/**
 * The extracellular spike shape the generator injects, at unit trough depth: a sharp negative
 * trough (Gaussian, 0.13 ms wide at 30 kHz) followed by a slower, shallower positive rebound.
 * Samples are relative to the trough, from {@link #PRE} before it to {@link #POST} after.
 */
final class SpikeWaveform {
  /** Samples before the trough. */
  static final int PRE = 15;
  /** Samples after the trough. */
  static final int POST = 45;

  private final double[] shape;

  private SpikeWaveform(double[] shape) {
    this.shape = shape;
  }

  /** The waveform at {@code rate} samples per second, scaled so the trough is -1. */
  static SpikeWaveform at(double rate) {
    double scale = rate / 30000.0; // widths are set in samples at 30 kHz
    double[] s = new double[PRE + POST + 1];
    for (int k = -PRE; k <= POST; k++) {
      double trough = Math.exp(-0.5 * Math.pow(k / (4.0 * scale), 2));
      double rebound = 0.3 * Math.exp(-0.5 * Math.pow((k - 14.0 * scale) / (8.0 * scale), 2));
      s[k + PRE] = -trough + rebound;
    }
    double min = 0;
    for (double v : s) {
      min = Math.min(min, v);
    }
    for (int i = 0; i < s.length; i++) {
      s[i] /= -min;
    }
    return new SpikeWaveform(s);
  }

  /** The value {@code k} samples after the trough ({@code -PRE <= k <= POST}). */
  double at(int k) {
    return shape[k + PRE];
  }
}
