package org.lindi.spark.read;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Rows of chunks (grid coordinates along axis 0, ascending) of a partition: a plain range when
 * they follow each other, as they almost always do, else the list. A partition of 10,000 rows of
 * chunks then carries two numbers instead of 80 kB, on the driver and in every task.
 */
final class ChunkRows implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rows when they do not follow each other; null for the range {@link #first} + i. */
  private final long[] rows;
  private final long first;
  private final int count;

  private ChunkRows(long[] rows, long first, int count) {
    this.rows = rows;
    this.first = first;
    this.count = count;
  }

  /** Rows {@code all[from, to)} (ascending); the array is copied only when they leave gaps. */
  static ChunkRows of(long[] all, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return new ChunkRows(null, 0, 0);
    }
    if (all[to - 1] - all[from] == n - 1) {
      return new ChunkRows(null, all[from], n); // ascending and distinct: no gap in between
    }
    return new ChunkRows(Arrays.copyOfRange(all, from, to), 0, n);
  }

  /** Rows {@code first} to {@code first + count - 1}. */
  static ChunkRows range(long first, int count) {
    return new ChunkRows(null, count == 0 ? 0 : first, count);
  }

  static ChunkRows of(long[] rows) {
    return of(rows, 0, rows.length);
  }

  int count() {
    return count;
  }

  /** Row {@code i} (from 0). */
  long get(int i) {
    return rows == null ? first + i : rows[i];
  }

  /**
   * Calls {@code run} with each run of rows that follow each other, as {@code [from, to)}
   * coordinates: one call for a range.
   */
  void forEachRun(RunVisitor run) {
    if (rows == null) {
      if (count > 0) {
        run.accept(first, first + count);
      }
      return;
    }
    int k = 0;
    while (k < count) {
      int end = k + 1;
      while (end < count && rows[end] == rows[end - 1] + 1) {
        end++;
      }
      run.accept(rows[k], rows[end - 1] + 1);
      k = end;
    }
  }

  /** Receives one run of {@link #forEachRun}. */
  interface RunVisitor {
    void accept(long from, long to);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChunkRows)) {
      return false;
    }
    ChunkRows r = (ChunkRows) o;
    if (count != r.count) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (get(i) != r.get(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return count == 0 ? 0 : Long.hashCode(get(0)) * 31 + count;
  }

  @Override
  public String toString() {
    return count == 0 ? "ChunkRows[]" : "ChunkRows[" + count + " from " + get(0) + (rows == null ? ", a range]" : "]");
  }
}
