package org.lindi.codec;

/**
 * numpy's own half-precision conversions ({@code npy_doublebits_to_halfbits},
 * {@code npy_halfbits_to_doublebits}): the filters need a double rounded once to float16, and
 * NaN payloads kept as numpy keeps them, which {@link org.lindi.zarr.Float16} (from float) does not do.
 */
final class NumpyHalf {
  private NumpyHalf() {}

  /** The exact value of half-precision bits {@code h}. */
  static double toDouble(short h) {
    int bits = h & 0xffff;
    long sign = ((long) bits & 0x8000L) << 48;
    int exp = bits & 0x7c00;
    if (exp == 0) {
      int sig = bits & 0x03ff;
      // a subnormal half is sig * 2^-24, exactly representable
      double v = sig * 0x1p-24;
      return sign != 0 ? -v : v;
    }
    if (exp == 0x7c00) {
      return Double.longBitsToDouble(sign | 0x7ff0000000000000L | (((long) bits & 0x03ffL) << 42));
    }
    return Double.longBitsToDouble(sign | ((((long) bits & 0x7fffL) + 0xfc000L) << 42));
  }

  /** {@code d} rounded to half precision, ties to even, as numpy's {@code astype('f2')}. */
  static short fromDouble(double value) {
    long d = Double.doubleToRawLongBits(value);
    int sign = (int) ((d & 0x8000000000000000L) >>> 48);
    long exp = d & 0x7ff0000000000000L;
    if (exp >= 0x40f0000000000000L) {
      if (exp == 0x7ff0000000000000L) {
        long sig = d & 0x000fffffffffffffL;
        if (sig != 0) {
          // NaN: keep the top payload bits but stay a NaN
          int ret = 0x7c00 + (int) (sig >>> 42);
          if (ret == 0x7c00) {
            ret++;
          }
          return (short) (sign + ret);
        }
      }
      return (short) (sign + 0x7c00);
    }
    if (exp <= 0x3f00000000000000L) {
      if (exp < 0x3e60000000000000L) {
        return (short) sign;
      }
      long e = exp >>> 52;
      long sig = 0x0010000000000000L + (d & 0x000fffffffffffffL);
      sig <<= (e - 998);
      if ((sig & 0x003fffffffffffffL) != 0x0010000000000000L) {
        sig += 0x0010000000000000L;
      }
      return (short) (sign + (int) (sig >>> 53));
    }
    int hExp = (int) ((exp - 0x3f00000000000000L) >>> 42);
    long sig = d & 0x000fffffffffffffL;
    if ((sig & 0x000007ffffffffffL) != 0x0000020000000000L) {
      sig += 0x0000020000000000L;
    }
    int hSig = (int) (sig >>> 42);
    return (short) (sign + hExp + hSig);
  }
}
