package org.lindi.codec.blosc;

import com.scalableminds.bloscjava.Blosc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.EncodeContext;

/**
 * Single-thread decode (and encode) throughput of this codec against C-Blosc 1.21.4 (blosc-java
 * over JNI; its decompress allocates the result, as numcodecs does without {@code out=}) on an
 * ephys-like chunk: 30000 samples x 64 channels of int16 (3.84 MB). Not a test; run its main:
 * <pre>
 * mvn -o -q -pl hadoop-fs test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp hadoop-fs/target/test-classes:hadoop-fs/target/classes:$(cat /tmp/cp.txt) \
 *     org.lindi.codec.blosc.BloscDecodeBenchmark 4
 * </pre>
 * Arguments: seconds per case (default 2), optionally a file of int16 samples to use instead.
 */
public final class BloscDecodeBenchmark {
  private BloscDecodeBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    byte[] chunk = args.length > 1 ? read(args[1]) : TestData.ephys(30000, 64, 42);
    System.out.printf("chunk: %d bytes of int16%n", chunk.length);
    System.out.println("MB/s of decoded bytes, single thread; best and median of alternating runs;"
        + " j/c = Java speed / C speed");
    System.out.printf("%-10s %6s  %6s %6s %6s %6s %5s %5s  %6s %6s%n", "cname/shuf", "ratio",
        "C best", "J best", "C med", "J med", "j/c b", "j/c m", "C enc", "J enc");
    Object[][] cases = {
        {Blosc.Compressor.LZ4, Blosc.Shuffle.BYTE_SHUFFLE, 5},
        {Blosc.Compressor.LZ4, Blosc.Shuffle.BIT_SHUFFLE, 5},
        {Blosc.Compressor.BLOSCLZ, Blosc.Shuffle.BYTE_SHUFFLE, 5},
        {Blosc.Compressor.ZSTD, Blosc.Shuffle.BYTE_SHUFFLE, 5},
        {Blosc.Compressor.ZLIB, Blosc.Shuffle.BYTE_SHUFFLE, 5},
        {Blosc.Compressor.LZ4HC, Blosc.Shuffle.BYTE_SHUFFLE, 5},
    };
    for (Object[] c : cases) {
      run((Blosc.Compressor) c[0], (Blosc.Shuffle) c[1], (Integer) c[2], chunk, seconds);
    }
  }

  private static void run(Blosc.Compressor cname, Blosc.Shuffle shuffle, int clevel, byte[] chunk,
      double seconds) {
    byte[] frame = Blosc.compress(chunk, 2, cname, clevel, shuffle, 0, 1);
    BloscCodec codec = new BloscCodec(cname.getValue(), clevel, shuffle.ordinal(), 0);
    DecodeContext ctx = new DecodeContext();
    EncodeContext ectx = new EncodeContext().itemSize(2);
    if (!Arrays.equals(chunk, codec.decode(ByteSlice.of(frame), ctx).toArray())
        || !Arrays.equals(chunk, Blosc.decompress(frame))) {
      throw new AssertionError("decode mismatch for " + cname + "/" + shuffle);
    }
    long[][] decode = race(seconds, () -> Blosc.decompress(frame, 1),
        () -> codec.decode(ByteSlice.of(frame), ctx.prepare(chunk.length, chunk.length / 2)));
    long[][] encode = race(seconds / 2, () -> Blosc.compress(chunk, 2, cname, clevel, shuffle, 0, 1),
        () -> codec.encode(ByteSlice.of(chunk), ectx));
    System.out.printf("%-10s %6.2f  %6.0f %6.0f %6.0f %6.0f %5.2f %5.2f  %6.0f %6.0f%n",
        cname.getValue() + "/" + shuffle.ordinal(), chunk.length / (double) frame.length,
        mbps(chunk, decode[0][0]), mbps(chunk, decode[1][0]),
        mbps(chunk, decode[0][1]), mbps(chunk, decode[1][1]),
        (double) decode[0][0] / decode[1][0], (double) decode[0][1] / decode[1][1],
        mbps(chunk, encode[0][0]), mbps(chunk, encode[1][0]));
  }

  private static byte[] read(String file) {
    try {
      return Files.readAllBytes(Paths.get(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double mbps(byte[] chunk, long nanos) {
    return chunk.length / (nanos / 1e3);
  }

  /**
   * Runs {@code c} and {@code java} alternately for {@code seconds} (after a warm-up of a third)
   * so that both see the same machine load; returns {best, median} nanoseconds of each.
   */
  private static long[][] race(double seconds, Runnable c, Runnable java) {
    long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
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
    return new long[][] {{tc[0], tc[n / 2]}, {tj[0], tj[n / 2]}};
  }
}
