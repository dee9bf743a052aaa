package org.lindi.spark.read;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.connector.read.InputPartition;
import org.lindi.spark.Layout;

/**
 * One Spark partition of an array read: consecutive rows of chunks of one file, with the row
 * indices the pushed predicates select among them and the pushed limit. Carries only its own
 * chunks' resolved locations, never the RFS.
 */
public final class ArrayPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final ArraySpec spec;
  private final Layout layout;
  private final RowOfChunks[] rows;
  private final IndexRanges selection;
  private final long limit;
  private final TimeSource time;

  public ArrayPartition(int index, ArraySpec spec, Layout layout, List<RowOfChunks> rows,
      IndexRanges selection, long limit) {
    this(index, spec, layout, rows, selection, limit, null);
  }

  /** A partition that also produces the NWB {@code time} column, from {@code time}. */
  public ArrayPartition(int index, ArraySpec spec, Layout layout, List<RowOfChunks> rows,
      IndexRanges selection, long limit, TimeSource time) {
    this.time = time;
    this.index = index;
    this.spec = spec;
    this.layout = layout;
    this.rows = rows.toArray(new RowOfChunks[0]);
    this.selection = selection;
    this.limit = limit;
  }

  /** Position of this partition in the scan. */
  public int index() {
    return index;
  }

  public ArraySpec spec() {
    return spec;
  }

  public Layout layout() {
    return layout;
  }

  public int rowCount() {
    return rows.length;
  }

  public RowOfChunks row(int i) {
    return rows[i];
  }

  /** The row indices to produce ({@code rows} layout). */
  public IndexRanges selection() {
    return selection;
  }

  /** Most rows to produce, or -1 for no limit. */
  public long limit() {
    return limit;
  }

  /** Where the {@code time} column's values come from; null when the scan does not read it. */
  public TimeSource time() {
    return time;
  }

  /** Number of chunks this partition reads. */
  public int chunkCount() {
    int n = 0;
    for (RowOfChunks r : rows) {
      n += r.chunkCount();
    }
    return n;
  }

  /** First and last row index (exclusive) this partition covers. */
  public long firstRow() {
    return rows.length == 0 ? 0 : rows[0].firstRow();
  }

  public long endRow() {
    return rows.length == 0 ? 0 : rows[rows.length - 1].endRow();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ArrayPartition)) {
      return false;
    }
    ArrayPartition p = (ArrayPartition) o;
    return index == p.index && spec.equals(p.spec) && layout == p.layout && Arrays.equals(rows, p.rows)
        && selection.equals(p.selection) && limit == p.limit
        && java.util.Objects.equals(time, p.time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, spec, layout);
  }

  @Override
  public String toString() {
    return "ArrayPartition[" + index + " " + spec.file() + " /" + spec.array() + " rows " + firstRow() + ".."
        + endRow() + ", " + chunkCount() + " chunks" + (limit >= 0 ? ", limit " + limit : "")
        + (time != null ? ", " + time : "") + "]";
  }
}
