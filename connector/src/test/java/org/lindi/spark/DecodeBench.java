package org.lindi.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.chunk.ChunkDecoder;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.rfs.ChunkRef;
import org.lindi.zarr.ChunkGrid;

/** Single-thread decode speed of the benchmark file's chunks, without Spark (for comparison). */
class DecodeBench {
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void decodeOnly() throws Exception {
    String file = System.getProperty("lindi.bench");
    assumeTrue(file != null && !file.isEmpty(), "set -Dlindi.bench=<lindi file>");
    try (LindiFile f = LindiFile.open(new Path(file), new Configuration())) {
      LindiArray a = f.array(System.getProperty("lindi.bench.dataset", "data"));
      ChunkGrid g = a.grid();
      ChunkDecoder dec = a.decoder();
      DecodeContext ctx = new DecodeContext();
      java.util.List<ByteSlice> stored = new java.util.ArrayList<>();
      java.util.List<long[]> coords = new java.util.ArrayList<>();
      for (long i = 0; i < g.gridShape(0); i++) {
        long[] c = {i, 0};
        ChunkRef r = a.chunkLocator().locate(c);
        stored.add(f.chunkSource().fetch(r));
        coords.add(c);
      }
      for (int run = 0; run < 5; run++) {
        long t0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < stored.size(); i++) {
          bytes += dec.decode(coords.get(i), stored.get(i), ctx).bytes().length();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("decode run %d: %.3f s, %.2f GB/s%n", run, s, bytes / s / 1e9);
      }
    }
  }
}
