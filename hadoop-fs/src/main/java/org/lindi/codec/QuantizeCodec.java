package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code quantize}: a lossy float filter whose decoding is only numpy's
 * {@code astype(dtype)} of the stored {@code astype} values.
 */
public final class QuantizeCodec implements Codec {
  public static final String ID = "quantize";

  private final int digits;
  private final NumericType dtype;
  private final NumericType astype;

  private QuantizeCodec(int digits, NumericType dtype, NumericType astype) {
    if (dtype.kind() != 'f' || astype.kind() != 'f') {
      throw new LindiFormatException("quantize: only float dtypes are supported, got " + dtype + " and " + astype);
    }
    this.digits = digits;
    this.dtype = dtype;
    this.astype = astype;
  }

  public static QuantizeCodec of(int digits, DType dtype, DType astype) {
    return new QuantizeCodec(digits, NumericType.of(dtype, "quantize dtype"), NumericType.of(astype, "quantize astype"));
  }

  @Override
  public String id() {
    return ID;
  }

  public int digits() {
    return digits;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    return AsTypeCodec.castChunk(ID, astype, dtype, encoded, ctx);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantizeCodec && ((QuantizeCodec) o).digits == digits && ((QuantizeCodec) o).dtype.equals(dtype)
        && ((QuantizeCodec) o).astype.equals(astype);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, digits, dtype, astype);
  }

  @Override
  public String toString() {
    return "quantize(digits=" + digits + ", dtype=" + dtype + ", astype=" + astype + ")";
  }

  /** Creates {@link QuantizeCodec} from {@code {"id": "quantize", "digits": 3, "dtype": "<f4", "astype": "<f4"}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      DType dtype = c.dtype("dtype", arrayDtype);
      return QuantizeCodec.of(c.requiredInt("digits"), dtype, c.dtype("astype", dtype));
    }
  }
}
