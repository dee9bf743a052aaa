package org.lindi.chunk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.CodecRegistry;
import org.lindi.codec.DecodeContext;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/**
 * Decodes the stored bytes of one chunk of an array into a {@link DecodedChunk}: the codec pipeline,
 * then the layout normalisation; also makes fill-value chunks for missing refs. Immutable and
 * thread safe; the per-thread state is the {@link DecodeContext}.
 */
public final class ChunkDecoder {
  /** Headroom over the decoded chunk size that a codec may claim (filters such as astype widen). */
  private static final int SIZE_FACTOR = 16;
  /** Object chunks (strings, JSON) have no fixed size; this bounds what one chunk may inflate to. */
  private static final long MAX_OBJECT_CHUNK_BYTES = 512L << 20;

  private final ArrayMetadata meta;
  private final CodecPipeline pipeline;
  private final ChunkLayout layout;
  private final int elements;
  private final long maxDecodedBytes;

  public ChunkDecoder(ArrayMetadata meta, CodecRegistry registry) {
    this.meta = meta;
    this.pipeline = CodecPipeline.of(meta, registry);
    this.layout = new ChunkLayout(meta);
    this.elements = (int) meta.chunkElements();
    this.maxDecodedBytes = meta.dtype().kind() == DType.Kind.OBJECT
        ? Math.max(MAX_OBJECT_CHUNK_BYTES, (long) elements * 64)
        : (long) layout.chunkBytes() * SIZE_FACTOR + 1024;
  }

  public ArrayMetadata metadata() {
    return meta;
  }

  public CodecPipeline pipeline() {
    return pipeline;
  }

  /** Bytes of one decoded full chunk (0 for object arrays). */
  public int chunkBytes() {
    return layout.chunkBytes();
  }

  /** Decodes the stored bytes of chunk {@code coords}. */
  public DecodedChunk decode(long[] coords, ByteSlice stored, DecodeContext ctx) {
    ctx.prepare(maxDecodedBytes, elements);
    if (pipeline.producesObjects()) {
      Object[] objects = layout.normalize(pipeline.decodeObjects(stored, ctx));
      return new DecodedChunk(coords, meta.chunks(), null, objects, false);
    }
    ByteSlice decoded = pipeline.decodeBytes(stored, ctx);
    return new DecodedChunk(coords, meta.chunks(), layout.normalize(decoded, ctx), null, false);
  }

  /** A chunk without a ref: every element is the fill value. */
  public DecodedChunk fill(long[] coords, DecodeContext ctx) {
    ctx.prepare(maxDecodedBytes, elements);
    if (meta.dtype().kind() == DType.Kind.OBJECT) {
      Object[] objects = new Object[elements];
      Arrays.fill(objects, objectFill(meta.fillValueJson()));
      return new DecodedChunk(coords, meta.chunks(), null, objects, true);
    }
    int n = layout.chunkBytes();
    byte[] out = ctx.scratch(n);
    meta.fillValue().fill(out, 0, elements);
    return new DecodedChunk(coords, meta.chunks(), new ByteSlice(out, 0, n), null, true);
  }

  private static Object objectFill(JsonNode fill) {
    if (fill == null || fill.isNull()) {
      return null;
    }
    if (fill.isTextual()) {
      return fill.textValue();
    }
    if (fill.isIntegralNumber()) {
      return fill.longValue();
    }
    if (fill.isNumber()) {
      return fill.doubleValue();
    }
    return fill;
  }
}
