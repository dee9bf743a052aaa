package org.lindi.spark.write;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.lindi.error.LindiException;

/**
 * What a first pass over the input finds: row count, smallest and largest {@code index}, and the
 * shape of a row (the same for every row, or the pass fails naming the first index that differs).
 * The driver needs these to size the array and its chunks before the rows are clustered.
 */
final class InputStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long rows;
  private final long minIndex;
  private final long maxIndex;
  /** The inner shape, or null when there are no rows. */
  private final long[] inner;
  /** The index of a row with that shape, for messages. */
  private final long innerAt;

  InputStats(long rows, long minIndex, long maxIndex, long[] inner, long innerAt) {
    this.rows = rows;
    this.minIndex = minIndex;
    this.maxIndex = maxIndex;
    this.inner = inner;
    this.innerAt = innerAt;
  }

  static final InputStats EMPTY = new InputStats(0, Long.MAX_VALUE, Long.MIN_VALUE, null, -1);

  /** Surveys one partition of rows (index LONG at 0, value at 1). */
  static InputStats of(Iterator<InternalRow> it, int rank) {
    InputStats s = EMPTY;
    long n = 0;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    long[] inner = null;
    long innerAt = -1;
    while (it.hasNext()) {
      InternalRow row = it.next();
      if (row.isNullAt(RowLayout.INDEX)) {
        throw new LindiException("index is null: every row needs an index");
      }
      long index = row.getLong(RowLayout.INDEX);
      if (index < 0) {
        throw new LindiException("index " + index + " is negative: indexes are positions along axis 0");
      }
      long[] shape = RowLayout.innerShapeOf(row, rank);
      if (inner == null) {
        inner = shape;
        innerAt = index;
      } else if (!Arrays.equals(inner, shape)) {
        throw unequal(index, shape, innerAt, inner);
      }
      n++;
      lo = Math.min(lo, index);
      hi = Math.max(hi, index);
    }
    return n == 0 ? s : new InputStats(n, lo, hi, inner, innerAt);
  }

  private static LindiException unequal(long a, long[] sa, long b, long[] sb) {
    return new LindiException("the value at index " + a + " has shape " + Arrays.toString(sa)
        + " but the value at index " + b + " has " + Arrays.toString(sb)
        + ": nested ARRAYs must have equal length per axis");
  }

  InputStats merge(InputStats o) {
    if (o.rows == 0) {
      return this;
    }
    if (rows == 0) {
      return o;
    }
    if (!Arrays.equals(inner, o.inner)) {
      throw unequal(o.innerAt, o.inner, innerAt, inner);
    }
    return new InputStats(rows + o.rows, Math.min(minIndex, o.minIndex),
        Math.max(maxIndex, o.maxIndex), inner, innerAt);
  }

  long rows() {
    return rows;
  }

  long minIndex() {
    return minIndex;
  }

  long maxIndex() {
    return maxIndex;
  }

  /** The shape of a row, or null when there are no rows. */
  long[] inner() {
    return inner == null ? null : inner.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InputStats)) {
      return false;
    }
    InputStats s = (InputStats) o;
    return rows == s.rows && minIndex == s.minIndex && maxIndex == s.maxIndex
        && Arrays.equals(inner, s.inner);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(rows) * 31 + Long.hashCode(maxIndex);
  }

  @Override
  public String toString() {
    return "InputStats{rows=" + rows + ", index=[" + minIndex + ", " + maxIndex + "], inner="
        + Arrays.toString(inner) + "}";
  }
}
