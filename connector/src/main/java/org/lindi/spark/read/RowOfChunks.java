package org.lindi.spark.read;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The chunks sharing one grid coordinate along axis 0 (every chunk along the other axes, in C
 * order): together they hold whole rows {@code [firstRow, firstRow + rows)} of the array.
 */
public final class RowOfChunks implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long chunkRow;
  private final long firstRow;
  private final int rows;
  private final ChunkTask[] chunks;

  public RowOfChunks(long chunkRow, long firstRow, int rows, ChunkTask[] chunks) {
    this.chunkRow = chunkRow;
    this.firstRow = firstRow;
    this.rows = rows;
    this.chunks = chunks.clone();
  }

  /** The grid coordinate along axis 0. */
  public long chunkRow() {
    return chunkRow;
  }

  public long firstRow() {
    return firstRow;
  }

  /** Number of rows (trimmed at the array's edge). */
  public int rows() {
    return rows;
  }

  public long endRow() {
    return firstRow + rows;
  }

  public int chunkCount() {
    return chunks.length;
  }

  public ChunkTask chunk(int i) {
    return chunks[i];
  }

  /** Bytes to fetch for all chunks of this row. */
  public long storedBytes() {
    long n = 0;
    for (ChunkTask c : chunks) {
      if (c.isRange()) {
        n += c.storedBytes();
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowOfChunks && ((RowOfChunks) o).chunkRow == chunkRow
        && ((RowOfChunks) o).firstRow == firstRow && ((RowOfChunks) o).rows == rows
        && Arrays.equals(((RowOfChunks) o).chunks, chunks);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(chunkRow) * 31 + chunks.length;
  }

  @Override
  public String toString() {
    return "RowOfChunks[" + chunkRow + ": rows " + firstRow + ".." + endRow() + ", " + chunks.length + " chunks]";
  }
}
