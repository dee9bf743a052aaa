package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.lindi.error.CodecException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code delta}: the first element, then differences of neighbours, stored as
 * {@code astype}. Decoding is numpy's {@code cumsum(enc, out=dec)}: it accumulates in
 * {@code promote_types(dtype, astype)} (integers wrap) and casts each sum to {@code dtype}.
 */
public final class DeltaCodec implements Codec {
  public static final String ID = "delta";

  private final NumericType dtype;
  private final NumericType astype;
  private final NumericType accumulator;

  private DeltaCodec(NumericType dtype, NumericType astype) {
    if (dtype.lane() == NumericType.Lane.COMPLEX || astype.lane() == NumericType.Lane.COMPLEX
        || dtype.isBool() || astype.isBool()) {
      throw new UnsupportedFeatureException("delta: bool and complex dtypes are not supported (" + dtype + ", " + astype + ")");
    }
    this.dtype = dtype;
    this.astype = astype;
    this.accumulator = NumpyCasting.promote(dtype, astype);
  }

  /** A delta codec decoding {@code astype} differences into {@code dtype} values. */
  public static DeltaCodec of(DType dtype, DType astype) {
    return new DeltaCodec(NumericType.of(dtype, "delta dtype"), NumericType.of(astype, "delta astype"));
  }

  @Override
  public String id() {
    return ID;
  }

  public DType dtype() {
    return dtype.dtype();
  }

  public DType astype() {
    return astype.dtype();
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    int as = astype.size();
    int ds = dtype.size();
    if (encoded.length() % as != 0) {
      throw new CodecException("delta: " + encoded.length() + " bytes are not whole " + astype + " elements");
    }
    int n = encoded.length() / as;
    int outLen = DecodeLimits.check((long) n * ds, ctx, ID);
    byte[] out = ctx.scratch(outLen);
    byte[] in = encoded.array();
    int s = encoded.offset();
    if (n == 0) {
      return new ByteSlice(out, 0, 0);
    }
    if (accumulator.lane() == NumericType.Lane.INTEGER) {
      long acc = 0;
      for (int i = 0, d = 0; i < n; i++, s += as, d += ds) {
        acc += astype.getLong(in, s);
        dtype.putLong(out, d, acc);
      }
    } else {
      boolean wideUnsigned = astype.isUnsigned() && as == 8;
      double acc = toAccumulator(in, s, wideUnsigned);
      NumpyCasting.store(accumulator, dtype, out, 0, acc);
      s += as;
      for (int i = 1, d = ds; i < n; i++, s += as, d += ds) {
        acc = NumpyCasting.round(accumulator, acc + toAccumulator(in, s, wideUnsigned));
        NumpyCasting.store(accumulator, dtype, out, d, acc);
      }
    }
    return new ByteSlice(out, 0, outLen);
  }

  private double toAccumulator(byte[] in, int s, boolean wideUnsigned) {
    if (astype.lane() == NumericType.Lane.INTEGER) {
      long v = astype.getLong(in, s);
      double d = wideUnsigned ? NumericType.unsignedToDouble(v) : (double) v;
      return accumulator.size() == 4 ? (double) (wideUnsigned ? NumericType.unsignedToFloat(v) : (float) v)
          : NumpyCasting.round(accumulator, d);
    }
    return NumpyCasting.round(accumulator, astype.getDouble(in, s));
  }

  @Override
  public ByteSlice encode(ByteSlice decoded, EncodeContext ctx) {
    int as = astype.size();
    int ds = dtype.size();
    if (decoded.length() % ds != 0) {
      throw new CodecException("delta: " + decoded.length() + " bytes are not whole " + dtype + " elements");
    }
    int n = decoded.length() / ds;
    int outLen = n * as;
    byte[] out = ctx.scratch(outLen);
    if (out == decoded.array()) {
      out = new byte[outLen];
    }
    byte[] in = decoded.array();
    int s = decoded.offset();
    if (dtype.lane() == NumericType.Lane.INTEGER) {
      // np.diff wraps in dtype; the assignment then casts to astype
      boolean wideUnsigned = dtype.isUnsigned() && ds == 8;
      long prev = 0;
      for (int i = 0, d = 0; i < n; i++, s += ds, d += as) {
        long v = dtype.getLong(in, s);
        astype.putIntegerAsFloat(out, d, i == 0 ? v : dtype.wrap(v - prev), wideUnsigned);
        prev = v;
      }
    } else {
      double prev = 0;
      for (int i = 0, d = 0; i < n; i++, s += ds, d += as) {
        double v = dtype.getDouble(in, s);
        astype.putDouble(out, d, i == 0 ? v : NumpyCasting.round(dtype, v - prev));
        prev = v;
      }
    }
    return new ByteSlice(out, 0, outLen);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeltaCodec && ((DeltaCodec) o).dtype.equals(dtype) && ((DeltaCodec) o).astype.equals(astype);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, dtype, astype);
  }

  @Override
  public String toString() {
    return "delta(dtype=" + dtype + ", astype=" + astype + ")";
  }

  /** Creates {@link DeltaCodec} from {@code {"id": "delta", "dtype": "<i4", "astype": "<i2"}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      DType dtype = c.dtype("dtype", arrayDtype);
      return DeltaCodec.of(dtype, c.dtype("astype", dtype));
    }
  }
}
