package org.lindi.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Single-thread decode of the non-Blosc numcodecs pipelines on the ephys chunk: shuffle + zlib (what
 * HDF5 gzip + shuffle, the NWB default, becomes), zstd, lz4 and gzip, through {@link CodecRegistry}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecDecodeBench {
  @Param({"shuffle+zlib", "zstd", "lz4", "gzip"})
  public String pipeline;

  @Param({"int16", "float32"})
  public String dtype;

  /** Applied in order on encode, in reverse on decode. */
  private List<Codec> codecs;
  private byte[] encoded;
  private DecodeContext ctx;
  private int decodedBytes;
  private int elements;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    byte[] chunk = EphysChunk.of(dtype);
    int item = EphysChunk.itemSize(dtype);
    DType dt = DType.parse("float32".equals(dtype) ? "<f4" : "<i2");
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> configs = new ArrayList<>();
    for (String id : pipeline.split("\\+")) {
      configs.add(json.readTree(config(id, item)));
    }
    codecs = new ArrayList<>();
    for (JsonNode c : configs) {
      codecs.add(CodecRegistry.defaultRegistry().create(c, dt));
    }
    EncodeContext ectx = new EncodeContext().itemSize(item);
    ByteSlice s = ByteSlice.of(chunk);
    for (Codec c : codecs) {
      s = ByteSlice.of(c.encode(s, ectx).toArray());
    }
    encoded = s.toArray();
    ctx = new DecodeContext();
    decodedBytes = chunk.length;
    elements = chunk.length / item;
    if (!Arrays.equals(chunk, decode().toArray())) {
      throw new IllegalStateException("round trip mismatch for " + pipeline + "/" + dtype);
    }
  }

  /** The numcodecs configuration of one codec of a pipeline name. */
  static String config(String id, int item) {
    return switch (id) {
      case "shuffle" -> "{\"id\":\"shuffle\",\"elementsize\":" + item + "}";
      case "zlib" -> "{\"id\":\"zlib\",\"level\":4}";
      case "gzip" -> "{\"id\":\"gzip\",\"level\":4}";
      case "zstd" -> "{\"id\":\"zstd\",\"level\":3}";
      case "lz4" -> "{\"id\":\"lz4\",\"acceleration\":1}";
      default -> throw new IllegalArgumentException(id);
    };
  }

  @Benchmark
  public ByteSlice decode() {
    DecodeContext c = ctx.prepare(decodedBytes, elements);
    ByteSlice s = ByteSlice.of(encoded);
    for (int i = codecs.size() - 1; i >= 0; i--) {
      c.markInput(s.array());
      s = codecs.get(i).decode(s, c);
    }
    return s;
  }
}
