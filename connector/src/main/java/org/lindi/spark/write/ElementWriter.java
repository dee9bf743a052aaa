package org.lindi.spark.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.DType;

/**
 * Puts one Spark element into the little-endian bytes of a zarr dtype (the encoder applies a
 * big-endian byte order later). Each constant names the Spark type the column is cast to first:
 * the type the read connector gives for that dtype (SPEC 6), so what is read can be written back.
 */
enum ElementWriter {
  B1(DataTypes.BooleanType, 1) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.put(pos, (byte) (g.getBoolean(i) ? 1 : 0));
    }
  },
  I1(DataTypes.ByteType, 1) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.put(pos, g.getByte(i));
    }
  },
  I2(DataTypes.ShortType, 2) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.putShort(pos, g.getShort(i));
    }

    @Override
    boolean putAll(ArrayData a, int n, ByteBuffer b, int pos) {
      if (hasNull(a, n)) {
        return false;
      }
      b.slice(pos, n * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(a.toShortArray());
      return true;
    }
  },
  I4(DataTypes.IntegerType, 4) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.putInt(pos, g.getInt(i));
    }

    @Override
    boolean putAll(ArrayData a, int n, ByteBuffer b, int pos) {
      if (hasNull(a, n)) {
        return false;
      }
      b.slice(pos, n * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(a.toIntArray());
      return true;
    }
  },
  I8(DataTypes.LongType, 8) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.putLong(pos, g.getLong(i));
    }

    @Override
    boolean putAll(ArrayData a, int n, ByteBuffer b, int pos) {
      if (hasNull(a, n)) {
        return false;
      }
      b.slice(pos, n * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(a.toLongArray());
      return true;
    }
  },
  U1(DataTypes.ShortType, 1) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.put(pos, (byte) unsigned(g.getShort(i), 0xFFL));
    }
  },
  U2(DataTypes.IntegerType, 2) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.putShort(pos, (short) unsigned(g.getInt(i), 0xFFFFL));
    }
  },
  U4(DataTypes.LongType, 4) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.putInt(pos, (int) unsigned(g.getLong(i), 0xFFFFFFFFL));
    }
  },
  F4(DataTypes.FloatType, 4) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.putFloat(pos, g.getFloat(i));
    }

    @Override
    boolean putAll(ArrayData a, int n, ByteBuffer b, int pos) {
      if (hasNull(a, n)) {
        return false;
      }
      b.slice(pos, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(a.toFloatArray());
      return true;
    }
  },
  F8(DataTypes.DoubleType, 8) {
    @Override
    void put(SpecializedGetters g, int i, ByteBuffer b, int pos) {
      b.putDouble(pos, g.getDouble(i));
    }

    @Override
    boolean putAll(ArrayData a, int n, ByteBuffer b, int pos) {
      if (hasNull(a, n)) {
        return false;
      }
      b.slice(pos, n * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(a.toDoubleArray());
      return true;
    }
  };

  private final DataType sparkType;
  private final int itemSize;

  ElementWriter(DataType sparkType, int itemSize) {
    this.sparkType = sparkType;
    this.itemSize = itemSize;
  }

  /** Writes element {@code i} of {@code g} (not null) at byte {@code pos} of {@code b} (little-endian). */
  abstract void put(SpecializedGetters g, int i, ByteBuffer b, int pos);

  /**
   * Writes the {@code n} elements of {@code a} at once when this writer can (a bulk copy, the
   * hot path of 2-D arrays); false, having written nothing, when the caller must go one by one
   * (a null to report, or an element type with range checks).
   */
  boolean putAll(ArrayData a, int n, ByteBuffer b, int pos) {
    return false;
  }

  private static boolean hasNull(ArrayData a, int n) {
    for (int j = 0; j < n; j++) {
      if (a.isNullAt(j)) {
        return true;
      }
    }
    return false;
  }

  /** The Spark type the values are cast to before {@link #put}. */
  DataType sparkType() {
    return sparkType;
  }

  int itemSize() {
    return itemSize;
  }

  private static long unsigned(long v, long max) {
    if (v < 0 || v > max) {
      throw new ArithmeticException("value " + v + " does not fit an unsigned integer of "
          + Long.toBinaryString(max).length() / 8 + " bytes");
    }
    return v;
  }

  /** The writer of a dtype; byte order aside. */
  static ElementWriter of(DType dtype) {
    String code = dtype.kind().code() + String.valueOf(dtype.itemSize());
    switch (code) {
      case "b1": return B1;
      case "i1": return I1;
      case "i2": return I2;
      case "i4": return I4;
      case "i8": return I8;
      case "u1": return U1;
      case "u2": return U2;
      case "u4": return U4;
      case "f4": return F4;
      case "f8": return F8;
      default:
        throw new UnsupportedFeatureException("writing dtype " + dtype + " with Spark is not supported"
            + " (supported: b1, i1, i2, i4, i8, u1, u2, u4, f4, f8)");
    }
  }

  /** The dtype a new array gets for Spark element type {@code t} (SPEC 7; DECIMAL becomes f8). */
  static DType dtypeFor(DataType t) {
    if (t.equals(DataTypes.BooleanType)) {
      return DType.parse("|b1");
    } else if (t.equals(DataTypes.ByteType)) {
      return DType.parse("|i1");
    } else if (t.equals(DataTypes.ShortType)) {
      return DType.parse("<i2");
    } else if (t.equals(DataTypes.IntegerType)) {
      return DType.parse("<i4");
    } else if (t.equals(DataTypes.LongType)) {
      return DType.parse("<i8");
    } else if (t.equals(DataTypes.FloatType)) {
      return DType.parse("<f4");
    } else if (t.equals(DataTypes.DoubleType) || t instanceof org.apache.spark.sql.types.DecimalType) {
      return DType.parse("<f8"); // a DECIMAL (e.g. from id * 0.5) has no zarr dtype: stored as f8
    }
    throw new IllegalArgumentException("column value must hold BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT,"
        + " DOUBLE or DECIMAL elements (or nested ARRAYs of them), got " + t.simpleString());
  }
}
