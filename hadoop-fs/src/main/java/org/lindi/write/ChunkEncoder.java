package org.lindi.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.Codec;
import org.lindi.codec.CodecRegistry;
import org.lindi.codec.DeltaCodec;
import org.lindi.codec.EncodeContext;
import org.lindi.error.CodecException;
import org.lindi.error.LindiException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Order;

/**
 * Encodes one full chunk given as C-order little-endian bytes into the bytes zarr stores: the
 * array's byte order and memory order applied, then its filters in order, then its compressor.
 * The inverse of {@link org.lindi.chunk.ChunkDecoder}. Immutable and thread safe; the per-thread
 * scratch state is an {@link EncodeContext}.
 */
public final class ChunkEncoder {
  private final ArrayMetadata meta;
  private final List<Codec> codecs;
  private final int chunkBytes;
  private final int itemSize;
  private final int swapUnit;
  private final boolean swap;
  private final boolean fortran;

  public ChunkEncoder(ArrayMetadata meta, CodecRegistry registry) {
    DType dtype = meta.dtype();
    if (dtype.kind() == DType.Kind.OBJECT) {
      throw new UnsupportedFeatureException("encoding |O (object) chunks is not supported");
    }
    this.meta = meta;
    this.itemSize = dtype.itemSize();
    this.chunkBytes = (int) (meta.chunkElements() * itemSize);
    this.swapUnit = dtype.swapUnit();
    this.swap = dtype.isBigEndian() && swapUnit > 1;
    this.fortran = meta.order() == Order.F && meta.rank() > 1;
    List<Codec> list = new ArrayList<>();
    for (JsonNode f : meta.filters()) {
      list.add(registry.create(f, dtype));
    }
    if (meta.compressor() != null) {
      list.add(registry.create(meta.compressor(), dtype));
    }
    this.codecs = List.copyOf(list);
  }

  public ArrayMetadata metadata() {
    return meta;
  }

  /** Bytes of one full decoded chunk: {@code prod(chunks) * itemsize}. */
  public int chunkBytes() {
    return chunkBytes;
  }

  /** Encodes a full chunk (edge chunks padded to the full chunk shape); returns fresh bytes. */
  public byte[] encode(byte[] chunk) {
    return encode(ByteSlice.of(chunk), new EncodeContext());
  }

  /**
   * Encodes {@code chunk}: exactly {@link #chunkBytes()} bytes, C order, little-endian.
   *
   * @throws CodecException naming the codec when one fails
   */
  public byte[] encode(ByteSlice chunk, EncodeContext ctx) {
    if (chunk.length() != chunkBytes) {
      throw new IllegalArgumentException("a chunk of " + meta.dtype() + " " + java.util.Arrays
          .toString(meta.chunks()) + " has " + chunkBytes + " bytes, got " + chunk.length());
    }
    ByteSlice data = chunk;
    if (swap) {
      data = swapBytes(data);
    }
    if (fortran) {
      data = toFortran(data);
    }
    int size = itemSize;
    for (Codec codec : codecs) {
      ctx.itemSize(size);
      try {
        data = codec.encode(data, ctx);
      } catch (LindiException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new CodecException("codec '" + codec.id() + "' failed to encode: " + e, e);
      }
      if (codec instanceof DeltaCodec) {
        size = ((DeltaCodec) codec).astype().itemSize();
      }
    }
    // The last codec may have written into the context's scratch buffer, reused by the next call.
    return data.toArray();
  }

  private ByteSlice swapBytes(ByteSlice in) {
    byte[] out = new byte[chunkBytes];
    byte[] src = in.array();
    int off = in.offset();
    for (int i = 0; i < chunkBytes; i += swapUnit) {
      for (int j = 0; j < swapUnit; j++) {
        out[i + j] = src[off + i + swapUnit - 1 - j];
      }
    }
    return ByteSlice.of(out);
  }

  /** C order to F order: element (i0..ik) moves from its C offset to its F offset. */
  private ByteSlice toFortran(ByteSlice in) {
    int[] chunks = meta.chunks();
    int rank = chunks.length;
    long[] fStride = new long[rank];
    long acc = 1;
    for (int k = 0; k < rank; k++) {
      fStride[k] = acc;
      acc *= chunks[k];
    }
    byte[] out = new byte[chunkBytes];
    byte[] src = in.array();
    int[] idx = new int[rank];
    int n = chunkBytes / itemSize;
    for (int c = 0, s = in.offset(); c < n; c++, s += itemSize) {
      long f = 0;
      for (int k = 0; k < rank; k++) {
        f += idx[k] * fStride[k];
      }
      System.arraycopy(src, s, out, (int) f * itemSize, itemSize);
      for (int k = rank - 1; k >= 0; k--) {
        if (++idx[k] < chunks[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
    return ByteSlice.of(out);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ChunkEncoder[");
    for (Codec c : codecs) {
      sb.append(c.id()).append(' ');
    }
    return sb.toString().trim() + "]";
  }
}
