package org.lindi.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH codec benchmarks with modest settings (1 fork, 2 warm-up and 3 measured iterations of
 * 1 s; {@code -Dbench.jmh.iterations} and {@code -Dbench.jmh.include} change them) and prints MB/s of
 * decoded data per case and the pure-Java / C-Blosc speed ratio. Decode only by default (run.sh's
 * time budget); {@code -Dbench.jmh.include='org.lindi.bench.(Blosc|Codec)(Decode|Encode)Bench'} adds
 * the encode benchmarks ({@link BloscRaceMain} measures the encode ratios in less time).
 */
public final class CodecBenchMain {
  private CodecBenchMain() {}

  public static void main(String[] args) throws Exception {
    int iterations = Integer.getInteger("bench.jmh.iterations", 3);
    String include = System.getProperty("bench.jmh.include", "org.lindi.bench.(Blosc|Codec)DecodeBench");
    ChainedOptionsBuilder o = new OptionsBuilder().include(include).forks(1)
        .warmupIterations(2).warmupTime(TimeValue.seconds(1))
        .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
        .jvmArgs("-Xmx1g", "-Xms1g").threads(1);
    Collection<RunResult> results = new Runner(o.build()).run();
    Map<String, Double> blosc = new HashMap<>();
    for (RunResult r : results) {
      String bench = r.getParams().getBenchmark();
      double usPerOp = r.getPrimaryResult().getScore();
      String dtype = r.getParams().getParam("dtype");
      double mbps = 30000 * 64 * EphysChunk.itemSize(dtype) / usPerOp; // bytes per microsecond = MB/s
      String method = bench.substring(bench.lastIndexOf('.') + 1);
      if (bench.contains("BloscDecodeBench") || bench.contains("BloscEncodeBench")) {
        String key = (bench.contains("Encode") ? "blosc.encode." : "blosc.") + r.getParams().getParam("cname")
            + ".shuffle" + r.getParams().getParam("shuffle") + "." + dtype;
        blosc.put(key + "." + method, mbps);
      } else {
        String side = bench.contains("Encode") ? "encode." : "decode.";
        Figures.value(side + r.getParams().getParam("pipeline") + "." + dtype, mbps, "MB/s");
      }
    }
    blosc.keySet().stream().filter(k -> k.endsWith(".java")).sorted().forEach(k -> {
      String key = k.substring(0, k.length() - ".java".length());
      Double c = blosc.get(key + ".c");
      Figures.value(key + ".java", blosc.get(k), "MB/s");
      if (c != null && !key.startsWith("blosc.encode.") && blosc.get(k) > 100 * c) {
        Figures.note(key + ": the frame is stored uncompressed; Java returns a view of it, C copies: no ratio");
      } else if (c != null) {
        Figures.value(key + ".c", c, "MB/s");
        Figures.ratio(key + ".java_over_c", blosc.get(k) / c);
      }
    });
  }
}
