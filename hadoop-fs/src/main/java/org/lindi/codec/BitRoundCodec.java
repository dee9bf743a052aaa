package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code bitround}: rounds float mantissas to {@code keepbits} bits when writing; the
 * stored values are ordinary floats, so decoding returns the bytes as they are.
 */
public final class BitRoundCodec implements Codec {
  public static final String ID = "bitround";

  private final int keepBits;

  public BitRoundCodec(int keepBits) {
    if (keepBits < 0) {
      throw new IllegalArgumentException("keepbits must be zero or positive, got " + keepBits);
    }
    this.keepBits = keepBits;
  }

  @Override
  public String id() {
    return ID;
  }

  public int keepBits() {
    return keepBits;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    DecodeLimits.check(encoded.length(), ctx, ID);
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitRoundCodec && ((BitRoundCodec) o).keepBits == keepBits;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, keepBits);
  }

  @Override
  public String toString() {
    return "bitround(keepbits=" + keepBits + ")";
  }

  /** Creates {@link BitRoundCodec} from {@code {"id": "bitround", "keepbits": 7}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      int keepBits = c.requiredInt("keepbits");
      if (keepBits < 0) {
        throw c.invalid("keepbits", "zero or positive", c.get("keepbits"));
      }
      return new BitRoundCodec(keepBits);
    }
  }
}
