package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.zip.Inflater;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/** numcodecs {@code zlib}: a zlib (RFC 1950) stream; also HDF5's deflate filter. */
public final class ZlibCodec implements Codec {
  public static final String ID = "zlib";

  private final int level;

  public ZlibCodec(int level) {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("zlib level must be 0..9, got " + level);
    }
    this.level = level;
  }

  @Override
  public String id() {
    return ID;
  }

  public int level() {
    return level;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    if (encoded.length() == 0) {
      throw new CodecException("zlib: empty chunk is not a zlib stream");
    }
    Inflater inf = DeflateStreams.inflater(false);
    inf.setInput(encoded.array(), encoded.offset(), encoded.length());
    GrowingOutput out = new GrowingOutput(ctx, ID, encoded.length());
    DeflateStreams.inflate(inf, out, ctx, ID);
    return out.slice();
  }

  @Override
  public ByteSlice encode(ByteSlice decoded, EncodeContext ctx) {
    int bound = DeflateStreams.bound(decoded.length());
    byte[] out = ctx.scratch(bound);
    if (out == decoded.array()) {
      out = new byte[bound];
    }
    return DeflateStreams.deflate(DeflateStreams.deflater(false, level), decoded, out, 0, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ZlibCodec && ((ZlibCodec) o).level == level;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, level);
  }

  @Override
  public String toString() {
    return "zlib(level=" + level + ")";
  }

  /** Creates {@link ZlibCodec} from {@code {"id": "zlib", "level": 1}} (numcodecs' default level 1). */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      int level = c.intValue("level", 1);
      if (level < -1 || level > 9) {
        throw c.invalid("level", "-1..9", c.get("level"));
      }
      return new ZlibCodec(level < 0 ? 6 : level);
    }
  }
}
