package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.lindi.error.CodecException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code fixedscaleoffset}: stores {@code round((x - offset) * scale)} as {@code astype}.
 * Decoding is numpy's {@code (enc / scale + offset).astype(dtype)}, computed in the types numpy 1.x
 * picks: float64 for integer {@code astype}; for float {@code astype} its own precision unless the
 * scalar needs a wider one (value-based casting), e.g. float16 data with {@code scale=1000}
 * divides in float32.
 */
public final class FixedScaleOffsetCodec implements Codec {
  public static final String ID = "fixedscaleoffset";

  private final double offset;
  private final double scale;
  private final NumericType dtype;
  private final NumericType astype;
  private final NumericType divideType;
  private final NumericType addType;

  private FixedScaleOffsetCodec(JsonNode offset, JsonNode scale, NumericType dtype, NumericType astype) {
    if (dtype.lane() == NumericType.Lane.COMPLEX || astype.lane() == NumericType.Lane.COMPLEX) {
      throw new UnsupportedFeatureException("fixedscaleoffset: complex dtypes are not supported");
    }
    this.offset = offset.asDouble();
    this.scale = scale.asDouble();
    this.dtype = dtype;
    this.astype = astype;
    NumericType f8 = NumericType.parse("<f8", "float64");
    // integer / scalar is numpy's true_divide: always float64
    this.divideType = astype.lane() == NumericType.Lane.FLOAT ? NumpyCasting.withScalar(astype, scale) : f8;
    this.addType = NumpyCasting.withScalar(divideType, offset);
  }

  /**
   * A codec from numcodecs' parameters; {@code offset} and {@code scale} are JSON numbers because
   * numpy treats a Python int and a Python float differently.
   */
  public static FixedScaleOffsetCodec of(JsonNode offset, JsonNode scale, DType dtype, DType astype) {
    return new FixedScaleOffsetCodec(offset, scale, NumericType.of(dtype, "fixedscaleoffset dtype"),
        NumericType.of(astype, "fixedscaleoffset astype"));
  }

  @Override
  public String id() {
    return ID;
  }

  public double offset() {
    return offset;
  }

  public double scale() {
    return scale;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    int as = astype.size();
    int ds = dtype.size();
    if (encoded.length() % as != 0) {
      throw new CodecException("fixedscaleoffset: " + encoded.length() + " bytes are not whole " + astype + " elements");
    }
    int n = encoded.length() / as;
    int outLen = DecodeLimits.check((long) n * ds, ctx, ID);
    byte[] out = ctx.scratch(outLen);
    byte[] in = encoded.array();
    double sc = NumpyCasting.round(divideType, scale);
    double off = NumpyCasting.round(addType, offset);
    boolean wideUnsigned = astype.isUnsigned() && as == 8;
    for (int i = 0, s = encoded.offset(), d = 0; i < n; i++, s += as, d += ds) {
      double x;
      if (astype.lane() == NumericType.Lane.INTEGER) {
        long v = astype.getLong(in, s);
        x = wideUnsigned ? NumericType.unsignedToDouble(v) : (double) v;
      } else {
        x = astype.getDouble(in, s);
      }
      double q = NumpyCasting.round(divideType, NumpyCasting.round(divideType, x) / sc);
      double r = NumpyCasting.round(addType, NumpyCasting.round(addType, q) + off);
      NumpyCasting.store(addType, dtype, out, d, r);
    }
    return new ByteSlice(out, 0, outLen);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FixedScaleOffsetCodec)) {
      return false;
    }
    FixedScaleOffsetCodec c = (FixedScaleOffsetCodec) o;
    return Double.compare(c.offset, offset) == 0 && Double.compare(c.scale, scale) == 0 && c.dtype.equals(dtype)
        && c.astype.equals(astype) && c.divideType.equals(divideType) && c.addType.equals(addType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, offset, scale, dtype, astype);
  }

  @Override
  public String toString() {
    return "fixedscaleoffset(offset=" + offset + ", scale=" + scale + ", dtype=" + dtype + ", astype=" + astype + ")";
  }

  /**
   * Creates {@link FixedScaleOffsetCodec} from
   * {@code {"id": "fixedscaleoffset", "offset": 1000, "scale": 10, "dtype": "<f8", "astype": "<u2"}}.
   */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      DType dtype = c.dtype("dtype", arrayDtype);
      return FixedScaleOffsetCodec.of(c.requiredNumber("offset"), c.requiredNumber("scale"), dtype,
          c.dtype("astype", dtype));
    }
  }
}
