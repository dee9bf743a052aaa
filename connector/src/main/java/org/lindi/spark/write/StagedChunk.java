package org.lindi.spark.write;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes a task left in a staging file for the driver to commit: an encoded chunk (its grid
 * coordinates), or raw rows (C-order little-endian, first row and row count) of a chunk row the
 * task covered only in part, which the driver merges with the data already in the file.
 */
final class StagedChunk implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What the staged bytes are. */
  enum Kind { ENCODED, RAW_ROWS }

  private final Kind kind;
  private final long[] coords;
  private final long firstRow;
  private final long rowCount;
  private final String file;
  private final long offset;
  private final int length;

  private StagedChunk(Kind kind, long[] coords, long firstRow, long rowCount, String file,
      long offset, int length) {
    this.kind = kind;
    this.coords = coords;
    this.firstRow = firstRow;
    this.rowCount = rowCount;
    this.file = file;
    this.offset = offset;
    this.length = length;
  }

  static StagedChunk encoded(long[] coords, String file, long offset, int length) {
    return new StagedChunk(Kind.ENCODED, coords.clone(), -1, 0, file, offset, length);
  }

  static StagedChunk rawRows(long firstRow, long rowCount, String file, long offset, int length) {
    return new StagedChunk(Kind.RAW_ROWS, null, firstRow, rowCount, file, offset, length);
  }

  Kind kind() {
    return kind;
  }

  /** Grid coordinates of an encoded chunk. */
  long[] coords() {
    return coords.clone();
  }

  long firstRow() {
    return firstRow;
  }

  long rowCount() {
    return rowCount;
  }

  /** The staging file (full Hadoop path). */
  String file() {
    return file;
  }

  long offset() {
    return offset;
  }

  int length() {
    return length;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StagedChunk)) {
      return false;
    }
    StagedChunk s = (StagedChunk) o;
    return kind == s.kind && Arrays.equals(coords, s.coords) && firstRow == s.firstRow
        && rowCount == s.rowCount && file.equals(s.file) && offset == s.offset && length == s.length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.hashCode(coords), firstRow, file, offset);
  }

  @Override
  public String toString() {
    String what = kind == Kind.ENCODED ? "chunk " + Arrays.toString(coords)
        : "rows [" + firstRow + ", " + (firstRow + rowCount) + ")";
    return "StagedChunk{" + what + " at " + file + " [" + offset + ", +" + length + ")}";
  }
}
