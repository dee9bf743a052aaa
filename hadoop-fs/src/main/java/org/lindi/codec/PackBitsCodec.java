package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code packbits}: byte 0 holds the number of padding bits (0..7) in the last byte,
 * then booleans packed eight to a byte, most significant bit first (numpy's {@code packbits});
 * decodes to {@code |b1} bytes of 0 or 1.
 */
public final class PackBitsCodec implements Codec {
  public static final String ID = "packbits";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    if (encoded.length() < 1) {
      throw new CodecException("packbits: empty chunk has no padding byte");
    }
    byte[] in = encoded.array();
    int off = encoded.offset();
    int padding = in[off] & 0xff;
    long bits = 8L * (encoded.length() - 1) - padding;
    if (padding > 7 || bits < 0) {
      throw new CodecException("packbits: invalid padding " + padding + " for " + (encoded.length() - 1) + " packed bytes");
    }
    int n = DecodeLimits.check(bits, ctx, ID);
    byte[] out = ctx.scratch(n);
    int whole = n / 8;
    for (int i = 0, o = 0; i < whole; i++, o += 8) {
      int b = in[off + 1 + i];
      out[o] = (byte) ((b >>> 7) & 1);
      out[o + 1] = (byte) ((b >>> 6) & 1);
      out[o + 2] = (byte) ((b >>> 5) & 1);
      out[o + 3] = (byte) ((b >>> 4) & 1);
      out[o + 4] = (byte) ((b >>> 3) & 1);
      out[o + 5] = (byte) ((b >>> 2) & 1);
      out[o + 6] = (byte) ((b >>> 1) & 1);
      out[o + 7] = (byte) (b & 1);
    }
    for (int o = whole * 8; o < n; o++) {
      out[o] = (byte) ((in[off + 1 + whole] >>> (7 - (o - whole * 8))) & 1);
    }
    return new ByteSlice(out, 0, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PackBitsCodec;
  }

  @Override
  public int hashCode() {
    return ID.hashCode();
  }

  @Override
  public String toString() {
    return "packbits()";
  }

  /** Creates {@link PackBitsCodec} from {@code {"id": "packbits"}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig.of(config, ID);
      return new PackBitsCodec();
    }
  }
}
