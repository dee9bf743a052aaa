package org.lindi.spark.read;

/**
 * The chunks sharing one grid coordinate along axis 0 (every chunk along the other axes, in C
 * order): together they hold whole rows {@code [firstRow, firstRow + rows)} of the array. A view of
 * a partition's {@link ResolvedChunks}, made when a reader asks for it.
 */
public final class RowOfChunks {
  private final ArraySpec spec;
  private final long chunkRow;
  private final long firstRow;
  private final int rows;
  private final ResolvedChunks chunks;
  private final int base;
  private final int count;

  RowOfChunks(ArraySpec spec, long chunkRow, long firstRow, int rows, ResolvedChunks chunks, int base,
      int count) {
    this.spec = spec;
    this.chunkRow = chunkRow;
    this.firstRow = firstRow;
    this.rows = rows;
    this.chunks = chunks;
    this.base = base;
    this.count = count;
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
    return count;
  }

  /** Chunk {@code i} of this row (a new object: the coordinates are computed). */
  public ChunkTask chunk(int i) {
    long[] coords = spec.grid().coordsOf(chunkRow * count + i);
    return ChunkTask.of(spec, coords, chunks, base + i);
  }

  /** Bytes to fetch for all chunks of this row. */
  public long storedBytes() {
    return chunks.storedBytes(base, base + count);
  }

  @Override
  public String toString() {
    return "RowOfChunks[" + chunkRow + ": rows " + firstRow + ".." + endRow() + ", " + count + " chunks]";
  }
}
