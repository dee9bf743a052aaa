package org.lindi.spark.read;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.nwb.Column;
import org.lindi.nwb.ColumnKind;
import org.lindi.zarr.DType;

/**
 * The {@code table} layout's columns in Spark: {@code id} then each {@code colnames} entry, typed
 * like SPEC 6 elements (references and strings STRING, regions their integer indices), ragged and
 * multi-dimensional columns as (nested) ARRAYs; and the conversion of {@link
 * org.lindi.nwb.DynamicTable#readColumn} values into Spark values.
 */
public final class TableColumns {
  private static final DataType U8 = DataTypes.createDecimalType(20, 0);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private TableColumns() {}

  /** One field per column, in order. */
  public static StructType schema(List<Column> columns) {
    StructType s = new StructType();
    for (Column c : columns) {
      s = s.add(c.name(), type(c), nullable(c), metadata(c));
    }
    return s;
  }

  /** The Spark type of a row's value of {@code c}. */
  public static DataType type(Column c) {
    DataType t = elementType(c);
    boolean nulls = nullable(c);
    for (int k = 0; k < depth(c); k++) {
      t = DataTypes.createArrayType(t, nulls);
      nulls = false;
    }
    return t;
  }

  private static int depth(Column c) {
    return (c.isRagged() ? 1 : 0) + c.elementShape().length;
  }

  /** Object columns (json2 strings, references) may hold nulls; fixed-size numbers never do. */
  private static boolean nullable(Column c) {
    return c.dtype().kind() == DType.Kind.OBJECT || c.kind() == ColumnKind.STRING
        || c.kind() == ColumnKind.REFERENCE;
  }

  private static Metadata metadata(Column c) {
    MetadataBuilder b = new MetadataBuilder().putString("numpy_dtype", c.dtype().str());
    if (c.isRegion()) {
      b.putString("region_table", c.regionTable()); // a DynamicTableRegion: row indices into this table
    }
    return b.build();
  }

  private static DataType elementType(Column c) {
    DType d = c.dtype();
    boolean object = d.kind() == DType.Kind.OBJECT;
    switch (c.kind()) {
      case BOOLEAN:
        return DataTypes.BooleanType;
      case INTEGER:
        if (object) {
          return DataTypes.LongType;
        }
        if (d.kind() == DType.Kind.UINT) {
          return d.itemSize() == 1 ? DataTypes.ShortType : d.itemSize() == 2 ? DataTypes.IntegerType
              : d.itemSize() == 4 ? DataTypes.LongType : U8;
        }
        return d.itemSize() == 1 ? DataTypes.ByteType : d.itemSize() == 2 ? DataTypes.ShortType
            : d.itemSize() == 4 ? DataTypes.IntegerType : DataTypes.LongType;
      case FLOAT:
        return !object && d.itemSize() <= 4 ? DataTypes.FloatType : DataTypes.DoubleType;
      case COMPLEX:
        DataType part = d.itemSize() == 8 ? DataTypes.FloatType : DataTypes.DoubleType;
        return new StructType().add("re", part, false).add("im", part, false);
      case STRING:
      case REFERENCE:
        return DataTypes.StringType;
      case DATETIME:
        return DataTypes.LongType;
      default:
        throw new UnsupportedFeatureException("column '" + c.name() + "' (" + c + ") holds compound elements, "
            + "which the table layout does not read yet; read /" + c.dataPath() + " with layout rows");
    }
  }

  /** The Spark value of one row of {@code c}, as {@code readColumn} gave it. */
  public static Object toSpark(Column c, Object v) {
    if (v == null) {
      return null;
    }
    DataType element = elementType(c);
    if (depth(c) == 0) {
      return scalar(element, v);
    }
    Object[] flat = flatten(v);
    Object[] converted = new Object[flat.length];
    for (int i = 0; i < flat.length; i++) {
      converted[i] = flat[i] == null ? null : scalar(element, flat[i]);
    }
    long[] shape = c.elementShape();
    int per = (int) c.elementSize();
    int[] dims = new int[depth(c)];
    int k = 0;
    if (c.isRagged()) {
      dims[k++] = per == 0 ? 0 : converted.length / per;
    }
    for (long d : shape) {
      dims[k++] = (int) d;
    }
    return nest(converted, dims, 0, 0);
  }

  /** {@code dims[level]} arrays (nested below) starting at element {@code offset} of {@code flat}. */
  private static GenericArrayData nest(Object[] flat, int[] dims, int level, int offset) {
    Object[] out = new Object[dims[level]];
    if (level == dims.length - 1) {
      System.arraycopy(flat, offset, out, 0, out.length);
      return new GenericArrayData(out);
    }
    int stride = 1;
    for (int k = level + 1; k < dims.length; k++) {
      stride *= dims[k];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = nest(flat, dims, level + 1, offset + i * stride);
    }
    return new GenericArrayData(out);
  }

  private static Object[] flatten(Object v) {
    if (v instanceof Object[]) {
      return (Object[]) v;
    }
    if (v instanceof long[]) {
      long[] a = (long[]) v;
      Object[] out = new Object[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i];
      }
      return out;
    }
    if (v instanceof double[]) {
      double[] a = (double[]) v;
      Object[] out = new Object[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i];
      }
      return out;
    }
    if (v instanceof boolean[]) {
      boolean[] a = (boolean[]) v;
      Object[] out = new Object[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i];
      }
      return out;
    }
    throw new IllegalArgumentException("not an array value: " + v.getClass().getName());
  }

  private static Object scalar(DataType t, Object v) {
    if (t == DataTypes.StringType) {
      return UTF8String.fromString(v.toString());
    }
    if (t == DataTypes.BooleanType) {
      return v;
    }
    if (t instanceof StructType) {
      double[] reIm = (double[]) v;
      boolean f = ((StructType) t).fields()[0].dataType() == DataTypes.FloatType;
      return new GenericInternalRow(f ? new Object[] {(float) reIm[0], (float) reIm[1]}
          : new Object[] {reIm[0], reIm[1]});
    }
    if (t == DataTypes.FloatType) {
      return ((Number) v).floatValue();
    }
    if (t == DataTypes.DoubleType) {
      return ((Number) v).doubleValue();
    }
    if (t == U8) {
      BigInteger b = v instanceof BigInteger ? (BigInteger) v : BigInteger.valueOf((Long) v);
      return Decimal.apply(new BigDecimal(b.signum() < 0 ? b.add(TWO_64) : b)); // long[] holds uint64 bits
    }
    long x = v instanceof BigInteger ? ((BigInteger) v).longValue() : ((Number) v).longValue();
    if (t == DataTypes.ByteType) {
      return (byte) x;
    }
    if (t == DataTypes.ShortType) {
      return (short) x;
    }
    if (t == DataTypes.IntegerType) {
      return (int) x;
    }
    return x;
  }
}
