package org.lindi.sample;

import java.util.Arrays;
import java.util.Objects;

/**
 * One unit a {@link SyntheticSession} injects: its id (row of the {@code units} table), the channel
 * where its spikes are largest, their trough amplitude and the sample indices of their troughs
 * (ascending; the {@code spike_times} of the units table are these divided by the rate). Immutable.
 */
public final class InjectedUnit {
  private final int id;
  private final int channel;
  private final double amplitudeMicrovolts;
  private final long[] spikeSamples;

  InjectedUnit(int id, int channel, double amplitudeMicrovolts, long[] spikeSamples) {
    this.id = id;
    this.channel = channel;
    this.amplitudeMicrovolts = amplitudeMicrovolts;
    this.spikeSamples = spikeSamples.clone();
  }

  /** Row of the {@code units} table, 0-based; equals the unit's {@code id}. */
  public int id() {
    return id;
  }

  /** The channel (row of the electrodes table) with the largest waveform. */
  public int channel() {
    return channel;
  }

  /** Depth of the waveform's trough on {@link #channel()}, in microvolts (positive). */
  public double amplitudeMicrovolts() {
    return amplitudeMicrovolts;
  }

  /** Sample indices (rows of the ElectricalSeries) of the spike troughs, ascending. */
  public long[] spikeSamples() {
    return spikeSamples.clone();
  }

  public int spikeCount() {
    return spikeSamples.length;
  }

  /** Spike times in seconds ({@code sample / rate}), as the units table stores them. */
  public double[] spikeTimes(double rate) {
    double[] t = new double[spikeSamples.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = spikeSamples[i] / rate;
    }
    return t;
  }

  /** The first spike whose trough is at or after {@code sample} (binary search). */
  int firstAtOrAfter(long sample) {
    int i = Arrays.binarySearch(spikeSamples, sample);
    return i >= 0 ? i : -i - 1;
  }

  long sampleAt(int k) {
    return spikeSamples[k];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InjectedUnit)) {
      return false;
    }
    InjectedUnit u = (InjectedUnit) o;
    return id == u.id && channel == u.channel
        && Double.compare(amplitudeMicrovolts, u.amplitudeMicrovolts) == 0
        && Arrays.equals(spikeSamples, u.spikeSamples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, channel, amplitudeMicrovolts) * 31 + Arrays.hashCode(spikeSamples);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "InjectedUnit{id=%d, channel=%d, %.0f uV, %d spikes}", id,
        channel, amplitudeMicrovolts, spikeSamples.length);
  }
}
