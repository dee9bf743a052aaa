package org.lindi.spark.write;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.lindi.error.LindiException;

/**
 * How one input row becomes bytes: its {@code value} (ordinal 1, already cast to the writer's Spark
 * type) is written in C order, little-endian, checking that every nested ARRAY has the array's
 * length on its axis ("equal length per axis", SPEC 7). Immutable and serialisable.
 */
final class RowLayout implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int INDEX = 0;
  static final int VALUE = 1;

  private final ElementWriter writer;
  private final long[] inner;

  RowLayout(ElementWriter writer, long[] inner) {
    this.writer = writer;
    this.inner = inner.clone();
  }

  /** The shape of one row: the array's shape without axis 0. */
  long[] inner() {
    return inner.clone();
  }

  int itemSize() {
    return writer.itemSize();
  }

  /** Bytes of one row: {@code prod(inner) * itemsize}. */
  long rowBytes() {
    long n = writer.itemSize();
    for (long d : inner) {
      n *= d;
    }
    return n;
  }

  /** The inner shape of {@code row}'s value: the lengths of the first ARRAY at each depth (0 when empty). */
  static long[] innerShapeOf(InternalRow row, int rank) {
    long[] shape = new long[rank - 1];
    if (rank == 1 || row.isNullAt(VALUE)) {
      return shape;
    }
    ArrayData a = row.getArray(VALUE);
    for (int k = 0; k < rank - 1; k++) {
      shape[k] = a.numElements();
      if (k + 1 < rank - 1) {
        if (a.numElements() == 0 || a.isNullAt(0)) {
          break;
        }
        a = a.getArray(0);
      }
    }
    return shape;
  }

  /** Writes the value of {@code row} at byte {@code pos} of {@code b}. */
  void put(InternalRow row, ByteBuffer b, int pos) {
    long index = row.getLong(INDEX);
    if (row.isNullAt(VALUE)) {
      throw new LindiException("value is null at index " + index + ": every row needs a value");
    }
    if (inner.length == 0) {
      writer.put(row, VALUE, b, pos);
    } else {
      putArray(row.getArray(VALUE), 0, b, pos, index);
    }
  }

  private int putArray(ArrayData a, int axis, ByteBuffer b, int pos, long index) {
    int n = a.numElements();
    if (n != inner[axis]) {
      throw new LindiException("value at index " + index + " has " + n + " elements on axis "
          + (axis + 1) + ", the array has " + inner[axis] + " (shape of a row "
          + Arrays.toString(inner) + "): nested ARRAYs must have equal length per axis");
    }
    boolean last = axis == inner.length - 1;
    if (last && writer.putAll(a, n, b, pos)) {
      return pos + n * writer.itemSize();
    }
    for (int j = 0; j < n; j++) {
      if (a.isNullAt(j)) {
        throw new LindiException("value at index " + index + " has a null element on axis " + (axis + 1));
      }
      if (last) {
        writer.put(a, j, b, pos);
        pos += writer.itemSize();
      } else {
        pos = putArray(a.getArray(j), axis + 1, b, pos, index);
      }
    }
    return pos;
  }

  @Override
  public String toString() {
    return "RowLayout{" + writer + " " + Arrays.toString(inner) + "}";
  }
}
