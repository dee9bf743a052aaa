package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code vlen-bytes}: a 4-byte little-endian item count, then per item a 4-byte
 * little-endian length and that many bytes; decodes to {@code byte[]} items.
 */
public final class VlenBytesCodec implements ObjectCodec {
  public static final String ID = "vlen-bytes";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Object[] decodeObjects(ByteSlice encoded, DecodeContext ctx) {
    VlenItems items = VlenItems.read(ID, encoded, ctx);
    byte[] b = encoded.array();
    byte[][] out = new byte[items.count()][];
    for (int i = 0; i < out.length; i++) {
      int off = items.offset(i);
      out[i] = Arrays.copyOfRange(b, off, off + items.length(i));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VlenBytesCodec;
  }

  @Override
  public int hashCode() {
    return ID.hashCode();
  }

  @Override
  public String toString() {
    return "vlen-bytes()";
  }

  /** Creates {@link VlenBytesCodec} from {@code {"id": "vlen-bytes"}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig.of(config, ID);
      return new VlenBytesCodec();
    }
  }
}
