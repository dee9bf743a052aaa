package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code shuffle} (and HDF5's shuffle filter): byte {@code j} of every element is
 * stored in plane {@code j}. Bytes after the last whole element are kept as they are, as HDF5
 * does (numcodecs never writes them).
 */
public final class ShuffleCodec implements Codec {
  public static final String ID = "shuffle";

  private final int elementSize;

  public ShuffleCodec(int elementSize) {
    if (elementSize < 1) {
      throw new IllegalArgumentException("shuffle element size must be positive, got " + elementSize);
    }
    this.elementSize = elementSize;
  }

  @Override
  public String id() {
    return ID;
  }

  public int elementSize() {
    return elementSize;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    int len = DecodeLimits.check(encoded.length(), ctx, ID);
    if (elementSize == 1 || len < 2 * elementSize) {
      return encoded; // one element or none: the planes are the element
    }
    byte[] out = ctx.scratch(len);
    unshuffle(encoded.array(), encoded.offset(), out, 0, len, elementSize);
    return new ByteSlice(out, 0, len);
  }

  @Override
  public ByteSlice encode(ByteSlice decoded, EncodeContext ctx) {
    int len = decoded.length();
    if (elementSize == 1 || len < 2 * elementSize) {
      return decoded;
    }
    byte[] out = ctx.scratch(len);
    if (out == decoded.array()) {
      out = new byte[len];
    }
    shuffle(decoded.array(), decoded.offset(), out, 0, len, elementSize);
    return new ByteSlice(out, 0, len);
  }

  /** Planes to elements: {@code out[i * es + j] = in[j * n + i]}, writing sequentially. */
  static void unshuffle(byte[] in, int inOff, byte[] out, int outOff, int len, int es) {
    int n = len / es;
    switch (es) {
      case 2:
        for (int i = 0, o = outOff; i < n; i++, o += 2) {
          out[o] = in[inOff + i];
          out[o + 1] = in[inOff + n + i];
        }
        break;
      case 4:
        for (int i = 0, o = outOff, p = inOff; i < n; i++, o += 4, p++) {
          out[o] = in[p];
          out[o + 1] = in[p + n];
          out[o + 2] = in[p + 2 * n];
          out[o + 3] = in[p + 3 * n];
        }
        break;
      case 8:
        for (int i = 0, o = outOff, p = inOff; i < n; i++, o += 8, p++) {
          out[o] = in[p];
          out[o + 1] = in[p + n];
          out[o + 2] = in[p + 2 * n];
          out[o + 3] = in[p + 3 * n];
          out[o + 4] = in[p + 4 * n];
          out[o + 5] = in[p + 5 * n];
          out[o + 6] = in[p + 6 * n];
          out[o + 7] = in[p + 7 * n];
        }
        break;
      default:
        for (int j = 0; j < es; j++) {
          int p = inOff + j * n;
          for (int i = 0, o = outOff + j; i < n; i++, o += es) {
            out[o] = in[p + i];
          }
        }
    }
    System.arraycopy(in, inOff + n * es, out, outOff + n * es, len - n * es);
  }

  /** Elements to planes: {@code out[j * n + i] = in[i * es + j]}. */
  static void shuffle(byte[] in, int inOff, byte[] out, int outOff, int len, int es) {
    int n = len / es;
    for (int j = 0; j < es; j++) {
      int o = outOff + j * n;
      for (int i = 0, p = inOff + j; i < n; i++, p += es) {
        out[o + i] = in[p];
      }
    }
    System.arraycopy(in, inOff + n * es, out, outOff + n * es, len - n * es);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShuffleCodec && ((ShuffleCodec) o).elementSize == elementSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, elementSize);
  }

  @Override
  public String toString() {
    return "shuffle(elementsize=" + elementSize + ")";
  }

  /** Creates {@link ShuffleCodec} from {@code {"id": "shuffle", "elementsize": 4}} (numcodecs' default 4). */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      int es = c.intValue("elementsize", 4);
      if (es < 0) {
        throw c.invalid("elementsize", "a non-negative integer", c.get("elementsize"));
      }
      return new ShuffleCodec(Math.max(es, 1));
    }
  }
}
