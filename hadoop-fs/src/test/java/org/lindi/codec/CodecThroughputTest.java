package org.lindi.codec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.zarr.DType;

/**
 * Decode throughput of the codecs on a 4 MiB int16 chunk, in decoded MB/s; a measurement, not a
 * check, so it runs only with {@code -Dlindi.bench=true}.
 */
class CodecThroughputTest {
  @Test
  @Timeout(300)
  void measureDecodeThroughput() throws IOException {
    assumeTrue(Boolean.getBoolean("lindi.bench"), "run with -Dlindi.bench=true");
    int n = 2 << 20; // int16 samples: 4 MiB
    byte[] raw = new byte[2 * n];
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      short v = (short) (Math.sin(i / 40.0) * 800 + r.nextGaussian() * 30);
      raw[2 * i] = (byte) v;
      raw[2 * i + 1] = (byte) (v >> 8);
    }
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("zlib", "{\"id\": \"zlib\", \"level\": 1}");
    configs.put("gzip", "{\"id\": \"gzip\", \"level\": 1}");
    configs.put("zstd", "{\"id\": \"zstd\", \"level\": 3}");
    configs.put("lz4", "{\"id\": \"lz4\"}");
    configs.put("bz2", "{\"id\": \"bz2\", \"level\": 1}");
    configs.put("shuffle", "{\"id\": \"shuffle\", \"elementsize\": 2}");
    configs.put("delta", "{\"id\": \"delta\", \"dtype\": \"<i2\"}");
    configs.put("astype i2->f8", "{\"id\": \"astype\", \"encode_dtype\": \"<i2\", \"decode_dtype\": \"<f8\"}");
    configs.put("fixedscaleoffset i2->f8", "{\"id\": \"fixedscaleoffset\", \"offset\": 0, \"scale\": 10, \"dtype\": \"<f8\", \"astype\": \"<i2\"}");
    configs.put("fletcher32", "{\"id\": \"fletcher32\"}");
    DType i2 = DType.parse("<i2");
    StringBuilder report = new StringBuilder("decode throughput, 4 MiB <i2 chunk (decoded MB/s):\n");
    for (Map.Entry<String, String> e : configs.entrySet()) {
      JsonNode config = CodecVectors.JSON.readTree(e.getValue());
      Codec codec = CodecRegistry.defaultRegistry().create(config, i2);
      byte[] encoded;
      if (e.getKey().startsWith("bz2")) {
        encoded = bz2(raw);
      } else if (codec.id().equals("zlib") || codec.id().equals("gzip") || codec.id().equals("zstd")
          || codec.id().equals("lz4") || codec.id().equals("shuffle") || codec.id().equals("delta")
          || codec.id().equals("fletcher32")) {
        encoded = codec.encode(ByteSlice.of(raw), new EncodeContext()).toArray();
      } else {
        encoded = raw;
      }
      DecodeContext ctx = new DecodeContext();
      long decodedBytes = 0;
      for (int i = 0; i < 5; i++) {
        codec.decode(ByteSlice.of(encoded), ctx.prepare(Integer.MAX_VALUE, -1));
      }
      long start = System.nanoTime();
      int iterations = 0;
      while (System.nanoTime() - start < 1_000_000_000L) {
        decodedBytes += codec.decode(ByteSlice.of(encoded), ctx.prepare(Integer.MAX_VALUE, -1)).length();
        iterations++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      report.append(String.format("  %-24s %8.0f MB/s  (ratio %.2f, %d runs)%n", e.getKey(),
          decodedBytes / seconds / 1e6, (double) raw.length / encoded.length, iterations));
    }
    System.out.println(report);
  }

  private static byte[] bz2(byte[] raw) throws IOException {
    java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
    try (org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream out =
        new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bos, 1)) {
      out.write(raw);
    }
    return bos.toByteArray();
  }
}
