package org.lindi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.Codec;
import org.lindi.codec.CodecRegistry;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.EncodeContext;
import org.lindi.zarr.DType;
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
 * Single-thread encode of the non-Blosc numcodecs pipelines of {@link CodecDecodeBench} (shuffle +
 * zlib, zstd, lz4, gzip) on the ephys chunk, through {@link CodecRegistry}; MB/s of input data.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecEncodeBench {
  @Param({"shuffle+zlib", "zstd", "lz4", "gzip"})
  public String pipeline;

  @Param({"int16", "float32"})
  public String dtype;

  /** Applied in order on encode. */
  private List<Codec> codecs;
  private byte[] chunk;
  private EncodeContext ctx;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    chunk = EphysChunk.of(dtype);
    int item = EphysChunk.itemSize(dtype);
    DType dt = DType.parse("float32".equals(dtype) ? "<f4" : "<i2");
    ObjectMapper json = new ObjectMapper();
    codecs = new ArrayList<>();
    for (String id : pipeline.split("\\+")) {
      codecs.add(CodecRegistry.defaultRegistry().create(json.readTree(CodecDecodeBench.config(id, item)), dt));
    }
    ctx = new EncodeContext().itemSize(item);
    byte[] encoded = encode().toArray();
    ByteSlice s = ByteSlice.of(encoded);
    DecodeContext d = new DecodeContext().prepare(chunk.length, chunk.length / item);
    for (int i = codecs.size() - 1; i >= 0; i--) {
      d.markInput(s.array());
      s = codecs.get(i).decode(s, d);
    }
    if (!Arrays.equals(chunk, s.toArray())) {
      throw new IllegalStateException("round trip mismatch for " + pipeline + "/" + dtype);
    }
  }

  /** Each codec's output is copied before the next one, as codecs may share the context's scratch. */
  @Benchmark
  public ByteSlice encode() {
    ByteSlice s = ByteSlice.of(chunk);
    for (int i = 0; i < codecs.size(); i++) {
      s = codecs.get(i).encode(s, ctx);
      if (i < codecs.size() - 1) {
        s = ByteSlice.of(s.toArray());
      }
    }
    return s;
  }
}
