package org.lindi.spark.cli;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;

/**
 * One row of the connector's {@code chunks} layout of a 2-D int16 array, selected as
 * {@code start, shape, value}: the rows {@code [start, start + rows)} of every channel, row-major.
 */
final class ChunkBlock implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  final long start;
  final int rows;
  final int channels;
  final short[] values;

  private ChunkBlock(long start, int rows, int channels, short[] values) {
    this.start = start;
    this.rows = rows;
    this.channels = channels;
    this.values = values;
  }

  /** Copies a {@code (start, shape, value)} row; the chunk must hold every channel. */
  static ChunkBlock of(InternalRow row, int channels) {
    ArrayData start = row.getArray(0);
    ArrayData shape = row.getArray(1);
    if (start.getLong(1) != 0 || shape.getLong(1) != channels) {
      throw new IllegalStateException("chunk at " + start.getLong(0) + " holds channels [" + start.getLong(1) + ", "
          + (start.getLong(1) + shape.getLong(1)) + "), not all " + channels + "; the demo needs chunks of whole rows");
    }
    return new ChunkBlock(start.getLong(0), (int) shape.getLong(0), channels, row.getArray(2).toShortArray());
  }

  long end() {
    return start + rows;
  }
}
