package org.lindi.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.DType;

/**
 * A numeric numpy dtype as the dtype-aware filters see it: how to read, write and cast one element
 * held in a byte array, with numpy's (x86) casting results. Datetimes and timedeltas behave as
 * {@code int64}.
 */
final class NumericType {
  /** How values of the type are carried through arithmetic. */
  enum Lane { INTEGER, FLOAT, COMPLEX }

  private static final VarHandle I16_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I16_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle I32_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle I64_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I64_BE = view(long[].class, ByteOrder.BIG_ENDIAN);

  // one code per (kind, size, byte order), so element access is a single switch
  private static final int BOOL = 0;
  private static final int I1 = 1;
  private static final int U1 = 2;
  private static final int I2_LE = 3;
  private static final int I2_BE = 4;
  private static final int U2_LE = 5;
  private static final int U2_BE = 6;
  private static final int I4_LE = 7;
  private static final int I4_BE = 8;
  private static final int U4_LE = 9;
  private static final int U4_BE = 10;
  private static final int I8_LE = 11;
  private static final int I8_BE = 12;
  private static final int U8_LE = 13;
  private static final int U8_BE = 14;
  private static final int F2_LE = 15;
  private static final int F2_BE = 16;
  private static final int F4_LE = 17;
  private static final int F4_BE = 18;
  private static final int F8_LE = 19;
  private static final int F8_BE = 20;
  private static final int C8_LE = 21;
  private static final int C8_BE = 22;
  private static final int C16_LE = 23;
  private static final int C16_BE = 24;

  private final DType dtype;
  private final int code;
  private final Lane lane;

  private NumericType(DType dtype, int code, Lane lane) {
    this.dtype = dtype;
    this.code = code;
    this.lane = lane;
  }

  /** The numeric view of {@code dtype}; a {@link LindiFormatException} naming {@code what} if none. */
  static NumericType of(DType dtype, String what) {
    boolean be = dtype.isBigEndian();
    int size = dtype.itemSize();
    switch (dtype.kind()) {
      case BOOL:
        return new NumericType(dtype, BOOL, Lane.INTEGER);
      case INT:
      case DATETIME:
      case TIMEDELTA:
        return new NumericType(dtype, intCode(size, be, true), Lane.INTEGER);
      case UINT:
        return new NumericType(dtype, intCode(size, be, false), Lane.INTEGER);
      case FLOAT:
        return new NumericType(dtype, size == 2 ? (be ? F2_BE : F2_LE)
            : size == 4 ? (be ? F4_BE : F4_LE) : (be ? F8_BE : F8_LE), Lane.FLOAT);
      case COMPLEX:
        return new NumericType(dtype, size == 8 ? (be ? C8_BE : C8_LE) : (be ? C16_BE : C16_LE),
            Lane.COMPLEX);
      default:
        throw new LindiFormatException(what + " must be a numeric dtype, not '" + dtype + "'");
    }
  }

  static NumericType parse(String dtype, String what) {
    return of(DType.parse(dtype), what);
  }

  private static int intCode(int size, boolean be, boolean signed) {
    switch (size) {
      case 1:
        return signed ? I1 : U1;
      case 2:
        return signed ? (be ? I2_BE : I2_LE) : (be ? U2_BE : U2_LE);
      case 4:
        return signed ? (be ? I4_BE : I4_LE) : (be ? U4_BE : U4_LE);
      default:
        return signed ? (be ? I8_BE : I8_LE) : (be ? U8_BE : U8_LE);
    }
  }

  private static VarHandle view(Class<?> arrayType, ByteOrder order) {
    return MethodHandles.byteArrayViewVarHandle(arrayType, order);
  }

  DType dtype() {
    return dtype;
  }

  Lane lane() {
    return lane;
  }

  int size() {
    return dtype.itemSize();
  }

  boolean isBool() {
    return code == BOOL;
  }

  boolean isUnsigned() {
    return dtype.kind() == DType.Kind.UINT;
  }

  /** The numpy kind character: {@code b i u f c} (datetimes count as {@code i}). */
  char kind() {
    switch (dtype.kind()) {
      case BOOL:
        return 'b';
      case UINT:
        return 'u';
      case FLOAT:
        return 'f';
      case COMPLEX:
        return 'c';
      default:
        return 'i';
    }
  }

  /** An integer or bool element, sign- or zero-extended ({@code uint64} as its raw bits). */
  long getLong(byte[] b, int off) {
    switch (code) {
      case BOOL:
        return b[off] != 0 ? 1 : 0;
      case I1:
        return b[off];
      case U1:
        return b[off] & 0xff;
      case I2_LE:
        return (short) I16_LE.get(b, off);
      case I2_BE:
        return (short) I16_BE.get(b, off);
      case U2_LE:
        return ((short) I16_LE.get(b, off)) & 0xffff;
      case U2_BE:
        return ((short) I16_BE.get(b, off)) & 0xffff;
      case I4_LE:
        return (int) I32_LE.get(b, off);
      case I4_BE:
        return (int) I32_BE.get(b, off);
      case U4_LE:
        return ((int) I32_LE.get(b, off)) & 0xffffffffL;
      case U4_BE:
        return ((int) I32_BE.get(b, off)) & 0xffffffffL;
      case I8_LE:
      case U8_LE:
        return (long) I64_LE.get(b, off);
      case I8_BE:
      case U8_BE:
        return (long) I64_BE.get(b, off);
      default:
        throw new IllegalStateException(dtype + " is not an integer type");
    }
  }

  /** An element as a double: floats exactly, integers rounded, complex numbers' real part. */
  double getDouble(byte[] b, int off) {
    switch (code) {
      case F2_LE:
        return NumpyHalf.toDouble((short) I16_LE.get(b, off));
      case F2_BE:
        return NumpyHalf.toDouble((short) I16_BE.get(b, off));
      case F4_LE:
      case C8_LE:
        return Float.intBitsToFloat((int) I32_LE.get(b, off));
      case F4_BE:
      case C8_BE:
        return Float.intBitsToFloat((int) I32_BE.get(b, off));
      case F8_LE:
      case C16_LE:
        return Double.longBitsToDouble((long) I64_LE.get(b, off));
      case F8_BE:
      case C16_BE:
        return Double.longBitsToDouble((long) I64_BE.get(b, off));
      case U8_LE:
      case U8_BE:
        return unsignedToDouble(getLong(b, off));
      default:
        return getLong(b, off);
    }
  }

  /** The imaginary part of a complex element; 0 for other types. */
  double getImag(byte[] b, int off) {
    switch (code) {
      case C8_LE:
        return Float.intBitsToFloat((int) I32_LE.get(b, off + 4));
      case C8_BE:
        return Float.intBitsToFloat((int) I32_BE.get(b, off + 4));
      case C16_LE:
        return Double.longBitsToDouble((long) I64_LE.get(b, off + 8));
      case C16_BE:
        return Double.longBitsToDouble((long) I64_BE.get(b, off + 8));
      default:
        return 0;
    }
  }

  /** Stores an integer, truncated to the type's width as numpy's integer casts do. */
  void putLong(byte[] b, int off, long v) {
    switch (code) {
      case BOOL:
        b[off] = (byte) (v != 0 ? 1 : 0);
        break;
      case I1:
      case U1:
        b[off] = (byte) v;
        break;
      case I2_LE:
      case U2_LE:
        I16_LE.set(b, off, (short) v);
        break;
      case I2_BE:
      case U2_BE:
        I16_BE.set(b, off, (short) v);
        break;
      case I4_LE:
      case U4_LE:
        I32_LE.set(b, off, (int) v);
        break;
      case I4_BE:
      case U4_BE:
        I32_BE.set(b, off, (int) v);
        break;
      case I8_LE:
      case U8_LE:
        I64_LE.set(b, off, v);
        break;
      case I8_BE:
      case U8_BE:
        I64_BE.set(b, off, v);
        break;
      default:
        putIntegerAsFloat(b, off, v, false);
    }
  }

  /** Stores an integer value into this type with numpy's cast (exact, or rounded to a float). */
  void putIntegerAsFloat(byte[] b, int off, long v, boolean unsigned) {
    switch (lane) {
      case INTEGER:
        putLong(b, off, v);
        break;
      case FLOAT:
        if (code == F4_LE || code == F4_BE) {
          // one rounding, straight from the integer, as C's (float) cast
          float f = unsigned ? unsignedToFloat(v) : (float) v;
          (code == F4_LE ? I32_LE : I32_BE).set(b, off, Float.floatToRawIntBits(f));
        } else {
          putDouble(b, off, unsigned ? unsignedToDouble(v) : (double) v);
        }
        break;
      default:
        if (size() == 8) {
          putComplex(b, off, unsigned ? unsignedToFloat(v) : (float) v, 0);
        } else {
          putComplex(b, off, unsigned ? unsignedToDouble(v) : (double) v, 0);
        }
    }
  }

  /** Stores a double with numpy's cast: rounded for floats, C-truncated for integers. */
  void putDouble(byte[] b, int off, double v) {
    switch (code) {
      case F2_LE:
        I16_LE.set(b, off, NumpyHalf.fromDouble(v));
        break;
      case F2_BE:
        I16_BE.set(b, off, NumpyHalf.fromDouble(v));
        break;
      case F4_LE:
        I32_LE.set(b, off, Float.floatToRawIntBits((float) v));
        break;
      case F4_BE:
        I32_BE.set(b, off, Float.floatToRawIntBits((float) v));
        break;
      case F8_LE:
        I64_LE.set(b, off, Double.doubleToRawLongBits(v));
        break;
      case F8_BE:
        I64_BE.set(b, off, Double.doubleToRawLongBits(v));
        break;
      case C8_LE:
      case C8_BE:
      case C16_LE:
      case C16_BE:
        putComplex(b, off, v, 0);
        break;
      default:
        putLong(b, off, truncate(v));
    }
  }

  /**
   * Stores a float16 value (given as a double) with numpy's cast from {@code float16}, which
   * differs from the double cast only for uint32 targets: numpy converts through a 64-bit integer,
   * so infinities and NaN become 0.
   */
  void putHalf(byte[] b, int off, double v) {
    if (code == U4_LE || code == U4_BE) {
      putLong(b, off, cvtt64(v));
    } else {
      putDouble(b, off, v);
    }
  }

  /** Stores a complex value (for non-complex types: the real part, as numpy does with a warning). */
  void putComplex(byte[] b, int off, double re, double im) {
    switch (code) {
      case C8_LE:
        I32_LE.set(b, off, Float.floatToRawIntBits((float) re));
        I32_LE.set(b, off + 4, Float.floatToRawIntBits((float) im));
        break;
      case C8_BE:
        I32_BE.set(b, off, Float.floatToRawIntBits((float) re));
        I32_BE.set(b, off + 4, Float.floatToRawIntBits((float) im));
        break;
      case C16_LE:
        I64_LE.set(b, off, Double.doubleToRawLongBits(re));
        I64_LE.set(b, off + 8, Double.doubleToRawLongBits(im));
        break;
      case C16_BE:
        I64_BE.set(b, off, Double.doubleToRawLongBits(re));
        I64_BE.set(b, off + 8, Double.doubleToRawLongBits(im));
        break;
      case BOOL:
        b[off] = (byte) (re != 0 || im != 0 ? 1 : 0);
        break;
      default:
        putDouble(b, off, re);
    }
  }

  /**
   * An integer value as this type holds it: wrapped to its width, then sign- or zero-extended;
   * bools become 0 or 1.
   */
  long wrap(long v) {
    switch (code) {
      case BOOL:
        return v != 0 ? 1 : 0;
      case I1:
        return (byte) v;
      case U1:
        return v & 0xff;
      case I2_LE:
      case I2_BE:
        return (short) v;
      case U2_LE:
      case U2_BE:
        return v & 0xffff;
      case I4_LE:
      case I4_BE:
        return (int) v;
      case U4_LE:
      case U4_BE:
        return v & 0xffffffffL;
      default:
        return v;
    }
  }

  /**
   * numpy's float-to-integer cast on x86 (C truncation; NaN and out-of-range values give what the
   * cvtt instructions give), as the integer this type then stores.
   */
  long truncate(double v) {
    switch (code) {
      case BOOL:
        return v != 0 ? 1 : 0; // NaN is true
      case U4_LE:
      case U4_BE:
        return v >= 0x1p31 ? (cvtt32(v - 0x1p31) ^ 0x80000000L) & 0xffffffffL : cvtt32(v);
      case I8_LE:
      case I8_BE:
        return cvtt64(v);
      case U8_LE:
      case U8_BE:
        return v >= 0x1p63 ? cvtt64(v - 0x1p63) ^ Long.MIN_VALUE : cvtt64(v);
      default:
        return cvtt32(v);
    }
  }

  private static long cvtt32(double v) {
    return v > -2147483649.0 && v < 2147483648.0 ? (long) v : Integer.MIN_VALUE;
  }

  private static long cvtt64(double v) {
    return v >= -0x1p63 && v < 0x1p63 ? (long) v : Long.MIN_VALUE;
  }

  static double unsignedToDouble(long v) {
    if (v >= 0) {
      return v;
    }
    // halve keeping the sticky bit, so the final rounding is the correct one
    return ((double) ((v >>> 1) | (v & 1))) * 2.0;
  }

  static float unsignedToFloat(long v) {
    if (v >= 0) {
      return v;
    }
    return ((float) ((v >>> 1) | (v & 1))) * 2.0f;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericType && ((NumericType) o).dtype.equals(dtype);
  }

  @Override
  public int hashCode() {
    return dtype.hashCode();
  }

  @Override
  public String toString() {
    return dtype.toString();
  }
}
