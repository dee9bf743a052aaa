package org.lindi.spark.read;

/**
 * Walks the rows a partition produces in the {@code rows} layout: runs of consecutive selected
 * rows, each inside one row of chunks and at most a batch long, until the pushed limit is reached.
 */
final class RowSelection {
  private final ArrayPartition partition;
  private final IndexRanges selection;
  private final long limit;
  private int row;
  private int interval;
  private long position;
  private long emitted;
  private long start;
  private int count;
  private int current;

  RowSelection(ArrayPartition partition) {
    this.partition = partition;
    this.selection = partition.selection();
    this.limit = partition.limit();
  }

  /** Moves to the next run of at most {@code maxRows} rows; false when there is none. */
  boolean advance(int maxRows) {
    if (limit >= 0 && emitted >= limit) {
      return false;
    }
    while (row < partition.rowCount()) {
      RowOfChunks r = partition.row(row);
      long from = Math.max(position, r.firstRow());
      while (interval < selection.size() && selection.hi(interval) <= from) {
        interval++;
      }
      if (interval >= selection.size()) {
        return false;
      }
      long a = Math.max(from, selection.lo(interval));
      if (a >= r.endRow()) {
        row++;
        continue;
      }
      long b = Math.min(Math.min(selection.hi(interval), r.endRow()), a + maxRows);
      if (limit >= 0) {
        b = Math.min(b, a + (limit - emitted));
      }
      start = a;
      count = (int) (b - a);
      current = row;
      position = b;
      emitted += count;
      return true;
    }
    return false;
  }

  /** First row index of the current run. */
  long start() {
    return start;
  }

  /** Rows in the current run. */
  int count() {
    return count;
  }

  /** Position in the partition of the row of chunks holding the current run. */
  int rowOfChunks() {
    return current;
  }
}
