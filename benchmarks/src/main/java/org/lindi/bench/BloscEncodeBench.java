package org.lindi.bench;

import com.scalableminds.bloscjava.Blosc;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.EncodeContext;
import org.lindi.codec.blosc.BloscCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-thread encode of one 30000 x 64 ephys chunk into a Blosc frame (clevel 5, automatic block
 * size) by the pure-Java {@link BloscCodec} and by C-Blosc 1.21.4 over JNI, in the same fork. Time per
 * chunk; the runner turns it into MB/s of input data.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BloscEncodeBench {
  @Param({"blosclz", "lz4", "lz4hc", "zlib", "zstd"})
  public String cname;

  @Param({"0", "1", "2"})
  public int shuffle;

  @Param({"int16", "float32"})
  public String dtype;

  private byte[] chunk;
  private int item;
  private BloscCodec codec;
  private EncodeContext ctx;
  private int javaFrameBytes;
  private int cFrameBytes;

  @Setup(Level.Trial)
  public void setUp() {
    chunk = EphysChunk.of(dtype);
    item = EphysChunk.itemSize(dtype);
    codec = new BloscCodec(cname, 5, shuffle, 0);
    ctx = new EncodeContext().itemSize(item);
    byte[] javaFrame = java().toArray();
    byte[] cFrame = c();
    javaFrameBytes = javaFrame.length;
    cFrameBytes = cFrame.length;
    // each side's frame must decode to the chunk on the other side, or the comparison means nothing
    DecodeContext d = new DecodeContext().prepare(chunk.length, chunk.length / item);
    if (!Arrays.equals(chunk, Blosc.decompress(javaFrame, 1))
        || !Arrays.equals(chunk, codec.decode(ByteSlice.of(cFrame), d).toArray())) {
      throw new IllegalStateException("encode mismatch for " + cname + "/" + shuffle + "/" + dtype);
    }
  }

  /** Input bytes / frame bytes of the Java encoder's frame. */
  public double javaCompressionRatio() {
    return chunk.length / (double) javaFrameBytes;
  }

  /** Input bytes / frame bytes of C-Blosc's frame. */
  public double cCompressionRatio() {
    return chunk.length / (double) cFrameBytes;
  }

  /** Input bytes of one call. */
  public int inputBytes() {
    return chunk.length;
  }

  /** Pure Java; the output buffer is reused across calls, as the writers do. */
  @Benchmark
  public ByteSlice java() {
    return codec.encode(ByteSlice.of(chunk), ctx);
  }

  /** C-Blosc, one thread; blosc-java allocates the frame, as numcodecs does. */
  @Benchmark
  public byte[] c() {
    return Blosc.compress(chunk, item, Blosc.Compressor.fromString(cname), 5,
        Blosc.Shuffle.fromInt(shuffle), 0, 1);
  }
}
