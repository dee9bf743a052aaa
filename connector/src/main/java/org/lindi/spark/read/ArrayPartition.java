package org.lindi.spark.read;

import java.util.Objects;
import org.apache.spark.sql.connector.read.InputPartition;
import org.lindi.spark.Layout;

/**
 * One Spark partition of an array read: rows of chunks of one file (ascending grid coordinates
 * along axis 0), with the row indices the pushed predicates select among them and the pushed
 * limit. Carries only its own chunks' resolved locations, as primitive columns, never the RFS.
 */
public final class ArrayPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final ArraySpec spec;
  private final Layout layout;
  /** Grid coordinates along axis 0 of the rows of chunks, ascending. */
  private final ChunkRows chunkRows;
  /** Chunks per row of chunks (the grid beyond axis 0). */
  private final int perRow;
  /** Every chunk of those rows, row after row, each row in C order. */
  private final ResolvedChunks chunks;
  private final IndexRanges selection;
  private final long limit;
  private final TimeSource time;

  ArrayPartition(int index, ArraySpec spec, Layout layout, ChunkRows chunkRows, ResolvedChunks chunks,
      IndexRanges selection, long limit, TimeSource time) {
    this.index = index;
    this.spec = spec;
    this.layout = layout;
    this.chunkRows = chunkRows;
    this.perRow = chunksPerRow(spec);
    if ((long) chunkRows.count() * perRow != chunks.size()) {
      throw new IllegalArgumentException(chunkRows.count() + " rows of " + perRow + " chunks but "
          + chunks.size() + " chunks resolved for " + spec);
    }
    this.chunks = chunks;
    this.selection = selection;
    this.limit = limit;
    this.time = time;
  }

  /** Chunks in a row of chunks of {@code spec}: the product of the grid shape beyond axis 0. */
  static int chunksPerRow(ArraySpec spec) {
    long n = 1;
    for (int k = 1; k < spec.grid().rank(); k++) {
      n *= spec.grid().gridShape(k);
    }
    if (n > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("a row of chunks of /" + spec.array() + " has " + n + " chunks");
    }
    return (int) n;
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
    return chunkRows.count();
  }

  /** Row of chunks {@code i} of this partition (a view made on each call). */
  public RowOfChunks row(int i) {
    long c = chunkRows.get(i);
    long first = firstRowOf(c);
    return new RowOfChunks(spec, c, first, (int) (endRowOf(c) - first), chunks, i * perRow, perRow);
  }

  private long firstRowOf(long chunkRow) {
    return spec.grid().rank() == 0 ? 0 : chunkRow * spec.grid().chunkSize(0);
  }

  private long endRowOf(long chunkRow) {
    return spec.grid().rank() == 0 ? 1 : Math.min(spec.rowCount(), firstRowOf(chunkRow) + spec.grid().chunkSize(0));
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
    return chunks.size();
  }

  /** First and last row index (exclusive) this partition covers. */
  public long firstRow() {
    return chunkRows.count() == 0 ? 0 : firstRowOf(chunkRows.get(0));
  }

  public long endRow() {
    return chunkRows.count() == 0 ? 0 : endRowOf(chunkRows.get(chunkRows.count() - 1));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ArrayPartition)) {
      return false;
    }
    ArrayPartition p = (ArrayPartition) o;
    return index == p.index && spec.equals(p.spec) && layout == p.layout && chunkRows.equals(p.chunkRows) && chunks.equals(p.chunks)
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
