package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.zarr.DType;

/**
 * numpy 1.x's casting and type promotion rules, as far as the numcodecs filters rely on them:
 * {@code astype} between numeric dtypes, {@code promote_types}, and the legacy value-based result
 * type of an array combined with a Python scalar from a codec configuration.
 */
final class NumpyCasting {
  private static final NumericType F8 = NumericType.parse("<f8", "float64");

  private NumpyCasting() {}

  /** {@code dst[i] = src[i].astype(to)} for {@code count} elements, as numpy casts them. */
  static void cast(NumericType from, byte[] src, int srcOff, NumericType to, byte[] dst, int dstOff,
      int count) {
    int fs = from.size();
    int ts = to.size();
    if (from.equals(to)) {
      System.arraycopy(src, srcOff, dst, dstOff, count * fs);
      return;
    }
    switch (from.lane()) {
      case INTEGER: {
        // only uint64 has values a signed long cannot carry
        boolean unsigned = from.isUnsigned() && fs == 8;
        for (int i = 0, s = srcOff, d = dstOff; i < count; i++, s += fs, d += ts) {
          to.putIntegerAsFloat(dst, d, from.getLong(src, s), unsigned);
        }
        break;
      }
      case FLOAT:
        if (fs == 2) {
          for (int i = 0, s = srcOff, d = dstOff; i < count; i++, s += fs, d += ts) {
            to.putHalf(dst, d, from.getDouble(src, s));
          }
          break;
        }
        for (int i = 0, s = srcOff, d = dstOff; i < count; i++, s += fs, d += ts) {
          to.putDouble(dst, d, from.getDouble(src, s));
        }
        break;
      default:
        for (int i = 0, s = srcOff, d = dstOff; i < count; i++, s += fs, d += ts) {
          to.putComplex(dst, d, from.getDouble(src, s), from.getImag(src, s));
        }
    }
  }

  /** Stores a value computed in the float type {@code t} into {@code to}, cast as numpy casts from {@code t}. */
  static void store(NumericType t, NumericType to, byte[] dst, int off, double v) {
    if (t.size() == 2) {
      to.putHalf(dst, off, v);
    } else {
      to.putDouble(dst, off, v);
    }
  }

  /** {@code v} rounded to the precision of the float type {@code t} (numpy computes in it). */
  static double round(NumericType t, double v) {
    switch (t.size()) {
      case 2:
        return NumpyHalf.toDouble(NumpyHalf.fromDouble(v));
      case 4:
        return (float) v;
      default:
        return v;
    }
  }

  /** numpy's {@code promote_types(a, b)} for bool, integer, float and complex types (little-endian). */
  static NumericType promote(NumericType a, NumericType b) {
    char ka = a.kind();
    char kb = b.kind();
    if (ka == 'b') {
      return canonical(kb, b.size());
    }
    if (kb == 'b') {
      return canonical(ka, a.size());
    }
    boolean ia = ka == 'i' || ka == 'u';
    boolean ib = kb == 'i' || kb == 'u';
    if (ia && ib) {
      if (ka == kb) {
        return canonical(ka, Math.max(a.size(), b.size()));
      }
      NumericType s = ka == 'i' ? a : b;
      NumericType u = ka == 'u' ? a : b;
      if (s.size() > u.size()) {
        return canonical('i', s.size());
      }
      return u.size() < 8 ? canonical('i', 2 * u.size()) : F8;
    }
    // the float size needed to hold every value of each side
    int fa = ia ? safeFloatSize(a.size()) : ka == 'c' ? a.size() / 2 : a.size();
    int fb = ib ? safeFloatSize(b.size()) : kb == 'c' ? b.size() / 2 : b.size();
    int f = Math.max(fa, fb);
    return ka == 'c' || kb == 'c' ? canonical('c', 2 * f) : canonical('f', f);
  }

  /**
   * The type numpy 1.x computes {@code array OP scalar} in, for a float array and a JSON number
   * from a codec configuration (legacy value-based casting: the scalar counts with the smallest
   * type that holds its value).
   */
  static NumericType withScalar(NumericType floatArray, JsonNode scalar) {
    return promote(floatArray, minScalarType(scalar));
  }

  /** numpy's {@code min_scalar_type} of a Python int or float. */
  static NumericType minScalarType(JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      long v = n.asLong();
      if (v >= 0) {
        return canonical('u', v <= 0xff ? 1 : v <= 0xffff ? 2 : v <= 0xffffffffL ? 4 : 8);
      }
      return canonical('i', v >= Byte.MIN_VALUE ? 1 : v >= Short.MIN_VALUE ? 2
          : v >= Integer.MIN_VALUE ? 4 : 8);
    }
    double v = n.asDouble();
    if ((v > -65000 && v < 65000) || !Double.isFinite(v)) {
      return canonical('f', 2);
    }
    return canonical('f', v > -3.4e38 && v < 3.4e38 ? 4 : 8);
  }

  private static int safeFloatSize(int intSize) {
    return intSize == 1 ? 2 : intSize == 2 ? 4 : 8;
  }

  private static NumericType canonical(char kind, int size) {
    if (kind == 'b') {
      return NumericType.parse("|b1", "bool");
    }
    return NumericType.of(DType.parse((size == 1 ? "|" : "<") + kind + size), "promoted type");
  }
}
