package org.lindi.spark.types;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.DType;
import org.lindi.zarr.Float16;

/**
 * Fixed-size numbers, booleans and datetimes: {@code b1} BOOLEAN, {@code i1..i8} BYTE..LONG,
 * {@code u1} SHORT, {@code u2} INT, {@code u4} LONG, {@code u8} DECIMAL(20,0), {@code f2}/{@code f4}
 * FLOAT, {@code f8} DOUBLE, {@code c8}/{@code c16} STRUCT&lt;re,im&gt;, {@code M8}/{@code m8} LONG
 * counts of their unit (the unit is in the field metadata: a TIMESTAMP would lose nanoseconds).
 */
final class NumericElement extends ElementType {
  /** The conversion applied to one element. */
  private enum Encoding {
    BOOL, I1, I2, I4, I8, U1, U2, U4, U8, F2, F4, F8, C8, C16
  }

  /** Bulk puts copy bytes in platform order: only little-endian platforms can skip the loop. */
  private static final boolean NATIVE_LE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  private static final VarHandle SHORT = view(short[].class);
  private static final VarHandle INT = view(int[].class);
  private static final VarHandle LONG = view(long[].class);
  private static final VarHandle FLOAT = view(float[].class);
  private static final VarHandle DOUBLE = view(double[].class);
  private static final DecimalType U8_TYPE = DataTypes.createDecimalType(20, 0);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private final DType dtype;
  private final Encoding encoding;
  private final DataType sparkType;

  private NumericElement(DType dtype, Encoding encoding, DataType sparkType) {
    this.dtype = dtype;
    this.encoding = encoding;
    this.sparkType = sparkType;
  }

  private static VarHandle view(Class<?> type) {
    return MethodHandles.byteArrayViewVarHandle(type, ByteOrder.LITTLE_ENDIAN);
  }

  static NumericElement of(DType dtype) {
    int size = dtype.itemSize();
    switch (dtype.kind()) {
      case BOOL:
        return new NumericElement(dtype, Encoding.BOOL, DataTypes.BooleanType);
      case INT:
        return size == 1 ? new NumericElement(dtype, Encoding.I1, DataTypes.ByteType)
            : size == 2 ? new NumericElement(dtype, Encoding.I2, DataTypes.ShortType)
            : size == 4 ? new NumericElement(dtype, Encoding.I4, DataTypes.IntegerType)
            : new NumericElement(dtype, Encoding.I8, DataTypes.LongType);
      case UINT:
        return size == 1 ? new NumericElement(dtype, Encoding.U1, DataTypes.ShortType)
            : size == 2 ? new NumericElement(dtype, Encoding.U2, DataTypes.IntegerType)
            : size == 4 ? new NumericElement(dtype, Encoding.U4, DataTypes.LongType)
            : new NumericElement(dtype, Encoding.U8, U8_TYPE);
      case FLOAT:
        return size == 2 ? new NumericElement(dtype, Encoding.F2, DataTypes.FloatType)
            : size == 4 ? new NumericElement(dtype, Encoding.F4, DataTypes.FloatType)
            : new NumericElement(dtype, Encoding.F8, DataTypes.DoubleType);
      case COMPLEX:
        DataType part = size == 8 ? DataTypes.FloatType : DataTypes.DoubleType;
        StructType struct = new StructType().add("re", part, false).add("im", part, false);
        return new NumericElement(dtype, size == 8 ? Encoding.C8 : Encoding.C16, struct);
      case DATETIME:
      case TIMEDELTA:
        return new NumericElement(dtype, Encoding.I8, DataTypes.LongType);
      default:
        throw new UnsupportedFeatureException("dtype " + dtype + " has no Spark type");
    }
  }

  @Override
  public DataType sparkType() {
    return sparkType;
  }

  @Override
  public Metadata metadata() {
    MetadataBuilder b = new MetadataBuilder().putString("numpy_dtype", dtype.str());
    if (dtype.unit() != null) {
      b.putString("unit", dtype.unit());
    }
    return b.build();
  }

  @Override
  public boolean isColumnar() {
    return true;
  }

  @Override
  public int itemSize() {
    return dtype.itemSize();
  }

  @Override
  public Object fromBytes(byte[] b, int o) {
    switch (encoding) {
      case BOOL:
        return b[o] != 0;
      case I1:
        return b[o];
      case I2:
        return (short) SHORT.get(b, o);
      case I4:
        return (int) INT.get(b, o);
      case I8:
        return (long) LONG.get(b, o);
      case U1:
        return (short) (b[o] & 0xff);
      case U2:
        return ((short) SHORT.get(b, o)) & 0xffff;
      case U4:
        return ((int) INT.get(b, o)) & 0xffffffffL;
      case U8:
        return unsigned64((long) LONG.get(b, o));
      case F2:
        return Float16.toFloat((short) SHORT.get(b, o));
      case F4:
        return (float) FLOAT.get(b, o);
      case F8:
        return (double) DOUBLE.get(b, o);
      case C8:
        return new GenericInternalRow(new Object[] {(float) FLOAT.get(b, o), (float) FLOAT.get(b, o + 4)});
      default:
        return new GenericInternalRow(new Object[] {(double) DOUBLE.get(b, o), (double) DOUBLE.get(b, o + 8)});
    }
  }

  private static Decimal unsigned64(long v) {
    BigInteger big = BigInteger.valueOf(v);
    if (v < 0) {
      big = big.add(TWO_64);
    }
    return Decimal.apply(new BigDecimal(big), 20, 0);
  }

  @Override
  public void putAll(WritableColumnVector v, int rowId, byte[] src, int off, int count) {
    switch (encoding) {
      case BOOL:
        for (int i = 0; i < count; i++) {
          v.putBoolean(rowId + i, src[off + i] != 0);
        }
        break;
      case I1:
        v.putBytes(rowId, count, src, off);
        break;
      case I2:
        if (NATIVE_LE) {
          v.putShorts(rowId, count, src, off);
        } else {
          for (int i = 0; i < count; i++) {
            v.putShort(rowId + i, (short) SHORT.get(src, off + 2 * i));
          }
        }
        break;
      case I4:
        v.putIntsLittleEndian(rowId, count, src, off);
        break;
      case I8:
        v.putLongsLittleEndian(rowId, count, src, off);
        break;
      case U1:
        for (int i = 0; i < count; i++) {
          v.putShort(rowId + i, (short) (src[off + i] & 0xff));
        }
        break;
      case U2:
        for (int i = 0; i < count; i++) {
          v.putInt(rowId + i, ((short) SHORT.get(src, off + 2 * i)) & 0xffff);
        }
        break;
      case U4:
        for (int i = 0; i < count; i++) {
          v.putLong(rowId + i, ((int) INT.get(src, off + 4 * i)) & 0xffffffffL);
        }
        break;
      case U8:
        for (int i = 0; i < count; i++) {
          v.putDecimal(rowId + i, unsigned64((long) LONG.get(src, off + 8 * i)), 20);
        }
        break;
      case F2:
        for (int i = 0; i < count; i++) {
          v.putFloat(rowId + i, Float16.toFloat((short) SHORT.get(src, off + 2 * i)));
        }
        break;
      case F4:
        v.putFloatsLittleEndian(rowId, count, src, off);
        break;
      case F8:
        v.putDoublesLittleEndian(rowId, count, src, off);
        break;
      case C8:
        WritableColumnVector re = (WritableColumnVector) v.getChild(0);
        WritableColumnVector im = (WritableColumnVector) v.getChild(1);
        re.reserve(rowId + count); // a struct vector does not grow its fields
        im.reserve(rowId + count);
        for (int i = 0; i < count; i++) {
          re.putFloat(rowId + i, (float) FLOAT.get(src, off + 8 * i));
          im.putFloat(rowId + i, (float) FLOAT.get(src, off + 8 * i + 4));
        }
        break;
      default:
        WritableColumnVector re16 = (WritableColumnVector) v.getChild(0);
        WritableColumnVector im16 = (WritableColumnVector) v.getChild(1);
        re16.reserve(rowId + count);
        im16.reserve(rowId + count);
        for (int i = 0; i < count; i++) {
          re16.putDouble(rowId + i, (double) DOUBLE.get(src, off + 16 * i));
          im16.putDouble(rowId + i, (double) DOUBLE.get(src, off + 16 * i + 8));
        }
    }
  }

  @Override
  public String toString() {
    return dtype + " as " + sparkType.simpleString();
  }
}
