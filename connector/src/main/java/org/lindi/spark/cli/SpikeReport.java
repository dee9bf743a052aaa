package org.lindi.spark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's spike table: per channel its RMS, noise level, threshold, the crossings found and the
 * spikes the units table lists there, in microvolts; and the one-line summary over channels with
 * and without a unit.
 */
final class SpikeReport {
  private SpikeReport() {}

  static String table(ChannelActivity.Noise noise, double[] thresholds, long[] found, long[] injected,
      int[] unitOf, double uv) {
    String[] header = {"channel", "rms_uV", "noise_uV", "threshold_uV", "crossings", "injected", "unit"};
    List<String[]> rows = new ArrayList<>();
    for (int c = 0; c < found.length; c++) {
      rows.add(new String[] {String.valueOf(c), String.format(Locale.ROOT, "%.1f", noise.rms[c] * uv),
          String.format(Locale.ROOT, "%.2f", noise.sigma[c] * uv), String.format(Locale.ROOT, "%.1f", -thresholds[c] * uv),
          String.valueOf(found[c]), String.valueOf(injected[c]), unitOf[c] < 0 ? "" : String.valueOf(unitOf[c])});
    }
    return ResultTable.format(header, rows);
  }

  /** The line the test reads: crossings on channels with and without a unit against the units table. */
  static String summary(long[] found, long[] injected) {
    long onUnits = 0;
    long expected = 0;
    long elsewhere = 0;
    int withUnit = 0;
    for (int c = 0; c < found.length; c++) {
      if (injected[c] > 0) {
        onUnits += found[c];
        expected += injected[c];
        withUnit++;
      } else {
        elsewhere += found[c];
      }
    }
    return String.format(Locale.ROOT, "spikes: %d crossings on the %d channels with a unit, the units table lists %d "
        + "(%.2f%%); %d crossing(s) on the %d channels without", onUnits, withUnit, expected,
        expected == 0 ? 100.0 : 100.0 * onUnits / expected, elsewhere, found.length - withUnit);
  }
}
