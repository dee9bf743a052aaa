package org.lindi.bench;

import java.util.Arrays;

/**
 * The pure-Java / C-Blosc speed ratios, decode and encode, measured by alternating the two calls on the
 * same data (about {@code -Dbench.race.seconds}, default 0.6 s, per case after a warm-up of the same
 * length), so that both see the same machine load. Two ratios per case: of the medians, and of the
 * fastest calls ("best"), which on a shared, loaded machine is the steadier one (a call that was not
 * preempted shows the code's own speed). {@code -Dbench.race.parts=decode,encode} picks the parts,
 * {@code -Dbench.race.cases=REGEX} the cases by name (e.g. {@code 'blosc\.lz4\.shuffle2\..*'}).
 * Also prints each frame's compression ratio; a frame Blosc stored uncompressed (memcpyed) is decoded by
 * the Java codec as a view of its input, with no copy, so its decode ratio says nothing about codecs.
 */
public final class BloscRaceMain {
  private static final String[] CNAMES = {"blosclz", "lz4", "lz4hc", "zlib", "zstd"};
  private static final String CASES = System.getProperty("bench.race.cases", ".*");

  private BloscRaceMain() {}

  public static void main(String[] args) throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.race.seconds", "0.6"));
    String parts = System.getProperty("bench.race.parts", "decode,encode");
    if (parts.contains("decode")) {
      decode(seconds);
    }
    if (parts.contains("encode")) {
      encode(seconds);
    }
  }

  private static void decode(double seconds) {
    for (String dtype : new String[] {"int16", "float32"}) {
      for (String cname : CNAMES) {
        for (int shuffle = 0; shuffle <= 2; shuffle++) {
          String key = "blosc." + cname + ".shuffle" + shuffle + "." + dtype;
          if (!key.matches(CASES)) {
            continue;
          }
          BloscDecodeBench b = new BloscDecodeBench();
          b.cname = cname;
          b.shuffle = shuffle;
          b.dtype = dtype;
          b.setUp();
          boolean stored = b.stored();
          Figures.value(key + ".compression", b.compressionRatio(), "x" + (stored ? " (stored uncompressed)" : ""));
          if (stored) {
            Figures.note(key + ": frame stored uncompressed; Java returns a view, C copies: no ratio");
            continue;
          }
          report(key + ".alternating", 30000 * 64 * EphysChunk.itemSize(dtype), race(seconds, b::c, b::java));
        }
      }
    }
  }

  private static void encode(double seconds) {
    for (String dtype : new String[] {"int16", "float32"}) {
      for (String cname : CNAMES) {
        for (int shuffle = 0; shuffle <= 2; shuffle++) {
          String key = "blosc.encode." + cname + ".shuffle" + shuffle + "." + dtype;
          if (!key.matches(CASES)) {
            continue;
          }
          BloscEncodeBench b = new BloscEncodeBench();
          b.cname = cname;
          b.shuffle = shuffle;
          b.dtype = dtype;
          b.setUp();
          Figures.value(key + ".compression.java", b.javaCompressionRatio(), "x");
          Figures.value(key + ".compression.c", b.cCompressionRatio(), "x");
          report(key + ".alternating", b.inputBytes(), race(seconds, b::c, b::java));
        }
      }
    }
  }

  /** Prints MB/s of both sides (medians) and the Java / C ratios of the medians and of the best calls. */
  private static void report(String key, double bytes, long[] t) {
    Figures.value(key + ".java", bytes / (t[1] / 1e3), "MB/s");
    Figures.value(key + ".c", bytes / (t[0] / 1e3), "MB/s");
    Figures.ratio(key + ".java_over_c", (double) t[0] / t[1]);
    Figures.ratio(key + ".best.java_over_c", (double) t[2] / t[3]);
  }

  /**
   * Nanoseconds {median C, median Java, fastest C, fastest Java}, the calls alternated after a warm-up
   * as long as the measurement (the JIT must be done with the Java side: C needs no warm-up).
   */
  private static long[] race(double seconds, Runnable c, Runnable java) {
    long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < warmEnd) {
      c.run();
      java.run();
    }
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long[] tc = new long[100_000];
    long[] tj = new long[100_000];
    int n = 0;
    while (System.nanoTime() < end && n < tc.length) {
      long t0 = System.nanoTime();
      c.run();
      long t1 = System.nanoTime();
      java.run();
      tj[n] = System.nanoTime() - t1;
      tc[n++] = t1 - t0;
    }
    Arrays.sort(tc, 0, n);
    Arrays.sort(tj, 0, n);
    return new long[] {tc[n / 2], tj[n / 2], tc[0], tj[0]};
  }
}
