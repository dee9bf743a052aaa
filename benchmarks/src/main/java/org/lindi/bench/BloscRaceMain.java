package org.lindi.bench;

import java.util.Arrays;

/**
 * The pure-Java / C-Blosc decode ratio measured by alternating the two calls on the same frame
 * (median of each over about {@code -Dbench.race.seconds}, default 0.6 s, per case), so that both see
 * the same machine load: on a shared, loaded machine this ratio is steadier than that of two JMH forks.
 * Also prints each frame's compression ratio; a frame Blosc stored uncompressed (memcpyed) is decoded by
 * the Java codec as a view of its input, with no copy, so its ratio there says nothing about codecs.
 */
public final class BloscRaceMain {
  private BloscRaceMain() {}

  public static void main(String[] args) throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.race.seconds", "0.6"));
    for (String dtype : new String[] {"int16", "float32"}) {
      for (String cname : new String[] {"blosclz", "lz4", "lz4hc", "zlib", "zstd"}) {
        for (int shuffle = 0; shuffle <= 2; shuffle++) {
          BloscDecodeBench b = new BloscDecodeBench();
          b.cname = cname;
          b.shuffle = shuffle;
          b.dtype = dtype;
          b.setUp();
          String key = "blosc." + cname + ".shuffle" + shuffle + "." + dtype;
          boolean stored = b.stored();
          long[] t = race(seconds, b);
          double bytes = 30000 * 64 * EphysChunk.itemSize(dtype);
          Figures.value(key + ".compression", b.compressionRatio(), "x" + (stored ? " (stored uncompressed)" : ""));
          if (stored) {
            Figures.note(key + ": frame stored uncompressed; Java returns a view, C copies: no ratio");
            continue;
          }
          Figures.value(key + ".alternating.java", bytes / (t[1] / 1e3), "MB/s");
          Figures.value(key + ".alternating.c", bytes / (t[0] / 1e3), "MB/s");
          Figures.ratio(key + ".alternating.java_over_c", (double) t[0] / t[1]);
        }
      }
    }
  }

  /** Median nanoseconds of {C, Java}, calls alternated after a warm-up of a third of the time. */
  private static long[] race(double seconds, BloscDecodeBench b) {
    long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
    while (System.nanoTime() < warmEnd) {
      b.c();
      b.java();
    }
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long[] tc = new long[100_000];
    long[] tj = new long[100_000];
    int n = 0;
    while (System.nanoTime() < end && n < tc.length) {
      long t0 = System.nanoTime();
      b.c();
      long t1 = System.nanoTime();
      b.java();
      tj[n] = System.nanoTime() - t1;
      tc[n++] = t1 - t0;
    }
    Arrays.sort(tc, 0, n);
    Arrays.sort(tj, 0, n);
    return new long[] {tc[n / 2], tj[n / 2]};
  }
}
