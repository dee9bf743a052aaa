package org.lindi.bench;

import java.io.FileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints one line per figure, {@code NAME value unit} or {@code NAME ratio=X}, and appends it to the
 * file named by the system property {@code bench.out} (run.sh draws the chart from it).
 */
public final class Figures {
  private Figures() {}

  public static void value(String name, double value, String unit) {
    emit(String.format(Locale.ROOT, "%s %.4g %s", name, value, unit));
  }

  public static void ratio(String name, double ratio) {
    emit(String.format(Locale.ROOT, "%s ratio=%.3f", name, ratio));
  }

  public static void note(String text) {
    System.out.println("# " + text);
  }

  /** Median of the values (the mean of the middle two for an even count). */
  public static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static synchronized void emit(String line) {
    System.out.println(line);
    String out = System.getProperty("bench.out");
    if (out != null) {
      try (FileWriter w = new FileWriter(out, true)) {
        w.write(line + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
