package org.lindi.spark.write;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a DataFrame to write holds (SPEC 7): an {@code index} column (LONG or INT) and a
 * {@code value} column, a numeric scalar for a 1-D array or nested ARRAYs of one for more
 * dimensions. Checked on the driver before any job runs.
 */
final class InputSchema {
  static final String INDEX = "index";
  static final String VALUE = "value";

  private final DataType element;
  private final int rank;

  private InputSchema(DataType element, int rank) {
    this.element = element;
    this.rank = rank;
  }

  static InputSchema of(StructType schema) {
    StructField index = field(schema, INDEX);
    if (!index.dataType().equals(DataTypes.LongType) && !index.dataType().equals(DataTypes.IntegerType)) {
      throw new IllegalArgumentException("column index must be LONG or INT, got "
          + index.dataType().simpleString() + " in " + schema.simpleString());
    }
    DataType t = field(schema, VALUE).dataType();
    int rank = 1;
    while (t instanceof ArrayType) {
      t = ((ArrayType) t).elementType();
      rank++;
    }
    ElementWriter.dtypeFor(t); // checks the element type
    return new InputSchema(t, rank);
  }

  private static StructField field(StructType schema, String name) {
    for (StructField f : schema.fields()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("a DataFrame written with format lindi needs columns index"
        + " (LONG or INT) and value (numeric, or nested ARRAYs of numeric); got " + schema.simpleString());
  }

  /** The element type (innermost). */
  DataType element() {
    return element;
  }

  /** The rank of the array: 1 for scalar values, 1 + the ARRAY nesting otherwise. */
  int rank() {
    return rank;
  }

  /** The value column's type with elements of {@code elementType} and this nesting. */
  DataType valueType(DataType elementType) {
    DataType t = elementType;
    for (int k = 1; k < rank; k++) {
      t = DataTypes.createArrayType(t, true);
    }
    return t;
  }

  @Override
  public String toString() {
    return "InputSchema{element=" + element.simpleString() + ", rank=" + rank + "}";
  }
}
