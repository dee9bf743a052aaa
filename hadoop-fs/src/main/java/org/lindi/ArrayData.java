package org.lindi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lindi.zarr.DType;
import org.lindi.zarr.Float16;

/**
 * Elements read from an array: a box of {@link #shape()} in C order, as little-endian bytes of
 * {@link #dtype()} for fixed-size dtypes, or as objects for {@code |O} arrays (String, byte[],
 * Long, Double, Boolean, {@link org.lindi.tree.Reference}, Object[] for compound rows).
 */
public final class ArrayData {
  private static final VarHandle SHORT = view(short[].class);
  private static final VarHandle INT = view(int[].class);
  private static final VarHandle LONG = view(long[].class);
  private static final VarHandle FLOAT = view(float[].class);
  private static final VarHandle DOUBLE = view(double[].class);
  private static final Charset UTF32LE = Charset.forName("UTF-32LE");

  private final DType dtype;
  private final long[] shape;
  private final byte[] bytes;
  private final Object[] objects;

  ArrayData(DType dtype, long[] shape, byte[] bytes, Object[] objects) {
    this.dtype = dtype;
    this.shape = shape.clone();
    this.bytes = bytes;
    this.objects = objects;
  }

  private static VarHandle view(Class<?> type) {
    return MethodHandles.byteArrayViewVarHandle(type, ByteOrder.LITTLE_ENDIAN);
  }

  /** The dtype of the elements, little-endian ({@code >i4} arrays come back as {@code <i4}). */
  public DType dtype() {
    return dtype;
  }

  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public int size() {
    return objects != null ? objects.length : bytes.length / Math.max(1, dtype.itemSize());
  }

  /** The C-order little-endian bytes (not a copy); null for object arrays. */
  public byte[] bytes() {
    return bytes;
  }

  /** The elements of an object array (not a copy); null otherwise. */
  public Object[] objects() {
    return objects;
  }

  public boolean[] toBooleanArray() {
    require(dtype.kind() == DType.Kind.BOOL, "bool");
    boolean[] out = new boolean[bytes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes[i] != 0;
    }
    return out;
  }

  /** {@code i1}/{@code u1} elements as stored (u1 values above 127 come back negative). */
  public byte[] toByteArray() {
    require(dtype.itemSize() == 1 && isInteger(), "int8/uint8");
    return bytes.clone();
  }

  public short[] toShortArray() {
    require(dtype.itemSize() == 2 && isInteger(), "int16/uint16");
    short[] out = new short[bytes.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) SHORT.get(bytes, i * 2);
    }
    return out;
  }

  public int[] toIntArray() {
    require(dtype.itemSize() == 4 && isInteger(), "int32/uint32");
    int[] out = new int[bytes.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) INT.get(bytes, i * 4);
    }
    return out;
  }

  /** {@code i8}/{@code u8}/{@code M8}/{@code m8} elements (u8 above 2^63 come back negative). */
  public long[] toLongArray() {
    require(dtype.itemSize() == 8 && (isInteger() || dtype.kind() == DType.Kind.DATETIME
        || dtype.kind() == DType.Kind.TIMEDELTA), "int64/uint64/datetime64");
    long[] out = new long[bytes.length / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) LONG.get(bytes, i * 8);
    }
    return out;
  }

  /** {@code f4} elements, or {@code f2} widened. */
  public float[] toFloatArray() {
    require(dtype.kind() == DType.Kind.FLOAT && dtype.itemSize() <= 4, "float16/float32");
    int n = bytes.length / dtype.itemSize();
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = dtype.itemSize() == 2 ? Float16.toFloat((short) SHORT.get(bytes, i * 2))
          : (float) FLOAT.get(bytes, i * 4);
    }
    return out;
  }

  /** Any real numeric, bool or datetime dtype as doubles (unsigned values read as unsigned). */
  public double[] toDoubleArray() {
    require(dtype.isNumeric() && dtype.kind() != DType.Kind.COMPLEX, "a real numeric dtype");
    int n = size();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = getDouble(i);
    }
    return out;
  }

  /** Element {@code i} of a real numeric dtype as a double. */
  public double getDouble(int i) {
    int s = dtype.itemSize();
    int o = i * s;
    switch (dtype.kind()) {
      case BOOL:
        return bytes[o] != 0 ? 1 : 0;
      case FLOAT:
        return s == 2 ? Float16.toFloat((short) SHORT.get(bytes, o))
            : s == 4 ? (float) FLOAT.get(bytes, o) : (double) DOUBLE.get(bytes, o);
      case UINT:
        if (s == 8) {
          long v = (long) LONG.get(bytes, o);
          return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
        }
        return getLongBits(o, s) & ((1L << (8 * s)) - 1);
      default:
        return getLongBits(o, s);
    }
  }

  private long getLongBits(int o, int s) {
    switch (s) {
      case 1:
        return bytes[o];
      case 2:
        return (short) SHORT.get(bytes, o);
      case 4:
        return (int) INT.get(bytes, o);
      default:
        return (long) LONG.get(bytes, o);
    }
  }

  /** Element {@code i} as a Java value, for display and generic code. */
  public Object get(int i) {
    if (objects != null) {
      return objects[i];
    }
    int s = dtype.itemSize();
    int o = i * s;
    switch (dtype.kind()) {
      case BOOL:
        return bytes[o] != 0;
      case INT:
      case DATETIME:
      case TIMEDELTA:
        return getLongBits(o, s);
      case UINT:
        if (s == 8) {
          long v = (long) LONG.get(bytes, o);
          return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
        }
        return getLongBits(o, s) & ((1L << (8 * s)) - 1);
      case FLOAT:
        return getDouble(i);
      case COMPLEX:
        int h = s / 2;
        double re = h == 4 ? (float) FLOAT.get(bytes, o) : (double) DOUBLE.get(bytes, o);
        double im = h == 4 ? (float) FLOAT.get(bytes, o + h) : (double) DOUBLE.get(bytes, o + h);
        return new double[] {re, im};
      case BYTES:
      case UNICODE:
        return getString(i);
      default:
        return Arrays.copyOfRange(bytes, o, o + s);
    }
  }

  /** Element {@code i} of a string array ({@code S}, {@code U}, or {@code |O} strings). */
  public String getString(int i) {
    if (objects != null) {
      Object x = objects[i];
      return x == null ? null : x instanceof byte[] ? new String((byte[]) x, StandardCharsets.UTF_8) : x.toString();
    }
    int s = dtype.itemSize();
    int o = i * s;
    if (dtype.kind() == DType.Kind.UNICODE) {
      int end = s;
      while (end >= 4 && (int) INT.get(bytes, o + end - 4) == 0) {
        end -= 4;
      }
      return new String(bytes, o, end, UTF32LE);
    }
    require(dtype.kind() == DType.Kind.BYTES, "a string dtype");
    int end = s;
    while (end > 0 && bytes[o + end - 1] == 0) {
      end--;
    }
    return new String(bytes, o, end, StandardCharsets.UTF_8);
  }

  private boolean isInteger() {
    return dtype.kind() == DType.Kind.INT || dtype.kind() == DType.Kind.UINT;
  }

  private void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("elements are " + dtype + ", not " + what);
    }
  }

  @Override
  public String toString() {
    return "ArrayData{" + dtype + " " + Arrays.toString(shape) + "}";
  }
}
