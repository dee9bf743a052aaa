package org.lindi.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.lindi.spark.types.ElementType;

/**
 * The schemas of SPEC section 6: the catalog, and the {@code rows} and {@code chunks} layouts (the
 * {@code table} layout's schema follows its columns: {@code read.TableColumns}).
 */
public final class LindiSchemas {
  public static final String PATH = "path";
  public static final String KIND = "kind";
  public static final String DTYPE = "dtype";
  public static final String SHAPE = "shape";
  public static final String CHUNKS = "chunks";
  public static final String COMPRESSOR = "compressor";
  public static final String FILTERS = "filters";
  public static final String ATTRIBUTES = "attributes";
  public static final String TARGET = "target";
  public static final String NUM_CHUNKS = "num_chunks";
  public static final String STORED_BYTES = "stored_bytes";
  public static final String INDEX = "index";
  /** The NWB time column of option {@code time=true}. */
  public static final String TIME = "time";
  /** The row identifier column of the {@code table} layout. */
  public static final String ID = "id";
  public static final String VALUE = "value";
  public static final String CHUNK = "chunk";
  public static final String START = "start";
  /** The hidden metadata column naming each row's file. */
  public static final String FILE = "_file";

  private static final ArrayType LONGS = DataTypes.createArrayType(DataTypes.LongType, false);

  private LindiSchemas() {}

  /** One row per node of the hierarchy. */
  public static StructType catalog() {
    return new StructType()
        .add(PATH, DataTypes.StringType, false)
        .add(KIND, DataTypes.StringType, false)
        .add(DTYPE, DataTypes.StringType, true)
        .add(SHAPE, LONGS, true)
        .add(CHUNKS, LONGS, true)
        .add(COMPRESSOR, DataTypes.StringType, true)
        .add(FILTERS, DataTypes.StringType, true)
        .add(ATTRIBUTES, DataTypes.StringType, true)
        .add(TARGET, DataTypes.StringType, true)
        .add(NUM_CHUNKS, DataTypes.LongType, true)
        .add(STORED_BYTES, DataTypes.LongType, true);
  }

  /**
   * One row per position along axis 0: {@code index}, then {@code value}, the element itself for
   * rank 0 and 1, and {@code rank - 1} nested arrays of elements above.
   */
  public static StructType rows(ElementType element, int rank) {
    return rows(element, rank, false);
  }

  /** {@link #rows(ElementType, int)}, with a {@code time} DOUBLE column between index and value. */
  public static StructType rows(ElementType element, int rank, boolean time) {
    StructType s = new StructType().add(INDEX, DataTypes.LongType, false);
    if (time) {
      s = s.add(TIME, DataTypes.DoubleType, false);
    }
    return s.add(VALUE, nested(element, Math.max(0, rank - 1)), element.nullable(), element.metadata());
  }

  /** One row per chunk: grid coordinates, first element, trimmed extent and flattened elements. */
  public static StructType chunks(ElementType element) {
    return new StructType()
        .add(CHUNK, LONGS, false)
        .add(START, LONGS, false)
        .add(SHAPE, LONGS, false)
        .add(VALUE, nested(element, 1), false, element.metadata());
  }

  /** {@code depth} levels of ARRAY around the element type. */
  public static DataType nested(ElementType element, int depth) {
    DataType t = element.sparkType();
    boolean nulls = element.nullable();
    for (int i = 0; i < depth; i++) {
      t = DataTypes.createArrayType(t, nulls);
      nulls = false;
    }
    return t;
  }

  /** The {@code _file} metadata column's type. */
  public static StructType fileColumn() {
    return new StructType().add(FILE, DataTypes.StringType, false, Metadata.empty());
  }
}
