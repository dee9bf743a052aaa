package org.lindi.spark.types;

import java.util.List;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.lindi.error.LindiFormatException;
import org.lindi.tree.CompoundType;
import org.lindi.zarr.DType;

/**
 * Rows of a compound dataset ({@code _COMPOUND_DTYPE}) as a STRUCT of its fields: numeric fields
 * with the types of {@link NumericElement}, strings as STRING, references as their target path.
 */
final class CompoundElement extends ElementType {
  private final CompoundType compound;
  private final StructType struct;

  CompoundElement(CompoundType compound) {
    this.compound = compound;
    StructType s = new StructType();
    for (CompoundType.Field f : compound.fields()) {
      s = s.add(f.name(), fieldType(f), true);
    }
    this.struct = s;
  }

  private static DataType fieldType(CompoundType.Field f) {
    DType d = f.dtype();
    if (d == null) {
      return DataTypes.StringType;
    }
    switch (d.kind()) {
      case BYTES:
      case UNICODE:
      case OBJECT:
        return DataTypes.StringType;
      default:
        return NumericElement.of(d).sparkType();
    }
  }

  @Override
  public DataType sparkType() {
    return struct;
  }

  @Override
  public Metadata metadata() {
    return new MetadataBuilder().putString("numpy_dtype", "|O")
        .putString("compound_dtype", compound.fields().toString()).build();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean isObject() {
    return true;
  }

  @Override
  public int itemSize() {
    return 8 * compound.fields().size();
  }

  @Override
  public Object fromObject(Object element) {
    if (element == null) {
      return null;
    }
    if (!(element instanceof Object[])) {
      throw new LindiFormatException("compound element is not a list of field values: " + element);
    }
    Object[] values = (Object[]) element;
    List<CompoundType.Field> fields = compound.fields();
    Object[] out = new Object[fields.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = field(struct.fields()[i].dataType(), values[i]);
    }
    return new GenericInternalRow(out);
  }

  /** One JSON field value (Long, Double, Boolean, String, Reference) as a value of {@code type}. */
  private static Object field(DataType type, Object v) {
    if (v == null) {
      return null;
    }
    if (type == DataTypes.StringType) {
      return ObjectElement.convert(v, false);
    }
    if (type == DataTypes.BooleanType) {
      return v instanceof Boolean ? v : ((Number) v).doubleValue() != 0;
    }
    Number n = v instanceof Boolean ? (((Boolean) v) ? 1 : 0) : (Number) v;
    if (type == DataTypes.ByteType) {
      return n.byteValue();
    }
    if (type == DataTypes.ShortType) {
      return n.shortValue();
    }
    if (type == DataTypes.IntegerType) {
      return n.intValue();
    }
    if (type == DataTypes.LongType) {
      return n.longValue();
    }
    if (type == DataTypes.FloatType) {
      return n.floatValue();
    }
    if (type == DataTypes.DoubleType) {
      return n.doubleValue();
    }
    if (type instanceof org.apache.spark.sql.types.DecimalType) {
      return Decimal.apply(new java.math.BigDecimal(n.toString()), 20, 0);
    }
    throw new LindiFormatException("compound field of type " + type.simpleString() + " cannot hold " + v);
  }

  @Override
  public String toString() {
    return "compound " + compound.fields() + " as " + struct.simpleString();
  }
}
