package org.lindi.spark.read;

/**
 * The decoded elements of rows {@code [firstRow, firstRow + rows)} in C order: row {@code r} holds
 * {@code rowElements} elements from element {@code (r - firstRow) * rowElements}; little-endian
 * bytes from {@code byteOffset}, or objects. May share a reusable buffer: valid until the next block.
 */
final class RowBlock {
  final long firstRow;
  final int rows;
  final int rowElements;
  final int itemSize;
  final byte[] bytes;
  final int byteOffset;
  final Object[] objects;

  RowBlock(long firstRow, int rows, int rowElements, int itemSize, byte[] bytes, int byteOffset,
      Object[] objects) {
    this.firstRow = firstRow;
    this.rows = rows;
    this.rowElements = rowElements;
    this.itemSize = itemSize;
    this.bytes = bytes;
    this.byteOffset = byteOffset;
    this.objects = objects;
  }

  /** Index of the first element of row {@code row}. */
  int element(long row) {
    return (int) (row - firstRow) * rowElements;
  }

  /** Byte offset of element {@code e}. */
  int byteOf(int e) {
    return byteOffset + e * itemSize;
  }

  @Override
  public String toString() {
    return "RowBlock[rows " + firstRow + ".." + (firstRow + rows) + ", " + rowElements + " per row]";
  }
}
