package org.lindi.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Draws the units of a session from its seed: each on its own channel, with a trough of 100-160 uV
 * (10-16 noise sigmas, so a -5 sigma threshold finds every spike and the channels beside it none),
 * firing as a Poisson process of 3-15 Hz with a 3 ms refractory period, waveforms wholly inside the
 * recording.
 */
final class SpikeTrains {
  private static final double REFRACTORY_SECONDS = 0.003;

  private SpikeTrains() {}

  static List<InjectedUnit> draw(int channels, int units, long samples, double rate, long seed) {
    Random r = new Random(seed * 1_000_003L + 17);
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      order.add(c);
    }
    Collections.shuffle(order, r);
    List<Integer> picked = new ArrayList<>(order.subList(0, Math.min(units, channels)));
    Collections.sort(picked); // unit ids follow depth along the probe
    List<InjectedUnit> out = new ArrayList<>();
    long first = SpikeWaveform.PRE + 1;
    long last = samples - SpikeWaveform.POST - 2;
    long refractory = Math.max(1, Math.round(REFRACTORY_SECONDS * rate));
    for (int id = 0; id < picked.size(); id++) {
      double hz = 3 + 12 * r.nextDouble();
      double amplitude = 100 + 60 * r.nextDouble();
      double meanGap = Math.max(1, rate / hz - refractory);
      long[] times = new long[16];
      int n = 0;
      long t = first + (long) (-Math.log(1 - r.nextDouble()) * meanGap);
      while (t <= last) {
        if (n == times.length) {
          times = java.util.Arrays.copyOf(times, n * 2);
        }
        times[n++] = t;
        t += refractory + (long) (-Math.log(1 - r.nextDouble()) * meanGap);
      }
      out.add(new InjectedUnit(id, picked.get(id), amplitude, java.util.Arrays.copyOf(times, n)));
    }
    return out;
  }
}
