package org.lindi.bench;

import com.scalableminds.bloscjava.Blosc;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
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
 * Single-thread decode of one Blosc frame (30000 x 64 ephys chunk) by the pure-Java {@link BloscCodec}
 * and by C-Blosc 1.21.4 over JNI, on the same frame in the same fork. Time per chunk; the runner turns
 * it into MB/s of decoded data.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BloscDecodeBench {
  @Param({"blosclz", "lz4", "lz4hc", "zlib", "zstd"})
  public String cname;

  @Param({"0", "1", "2"})
  public int shuffle;

  @Param({"int16", "float32"})
  public String dtype;

  private byte[] frame;
  private BloscCodec codec;
  private DecodeContext ctx;
  private int decodedBytes;
  private int elements;

  @Setup(Level.Trial)
  public void setUp() {
    byte[] chunk = EphysChunk.of(dtype);
    int item = EphysChunk.itemSize(dtype);
    frame = Blosc.compress(chunk, item, Blosc.Compressor.fromString(cname), 5,
        Blosc.Shuffle.fromInt(shuffle), 0, 1);
    codec = new BloscCodec(cname, 5, shuffle, 0);
    ctx = new DecodeContext();
    decodedBytes = chunk.length;
    elements = chunk.length / item;
    // both sides must produce the chunk, or the comparison means nothing
    if (!Arrays.equals(chunk, codec.decode(ByteSlice.of(frame), ctx.prepare(decodedBytes, elements)).toArray())
        || !Arrays.equals(chunk, Blosc.decompress(frame, 1))) {
      throw new IllegalStateException("decode mismatch for " + cname + "/" + shuffle + "/" + dtype);
    }
  }

  /** True when C-Blosc stored the frame uncompressed (header flag 0x2, memcpyed). */
  public boolean stored() {
    return (frame[2] & 0x2) != 0;
  }

  /** Decoded bytes / frame bytes. */
  public double compressionRatio() {
    return decodedBytes / (double) frame.length;
  }

  /** Pure Java; the output buffer is reused across calls, as the connector's readers do. */
  @Benchmark
  public ByteSlice java() {
    return codec.decode(ByteSlice.of(frame), ctx.prepare(decodedBytes, elements));
  }

  /** C-Blosc, one thread; blosc-java allocates the result, as numcodecs does without {@code out=}. */
  @Benchmark
  public byte[] c() {
    return Blosc.decompress(frame, 1);
  }
}
