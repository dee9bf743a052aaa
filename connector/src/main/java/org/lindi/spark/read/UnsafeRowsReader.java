package org.lindi.spark.read;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.lindi.zarr.DType;

/**
 * The {@code rows} layout of a 2-D array as {@link UnsafeRow}s, for elements whose decoded
 * little-endian bytes are Spark's own in-memory form (signed integers, float32/64, datetimes, on a
 * little-endian platform): each row's {@code value} array is one copy of its run of bytes from the
 * decoded chunk into a reused row buffer. Spark's projection then copies the array as one block;
 * from columnar batches it would rebuild every row's array element by element, which cost most of
 * a full scan's CPU time (see benchmarks/RESULTS.md). The row is reused: valid until the next call.
 */
final class UnsafeRowsReader implements PartitionReader<InternalRow> {
  /**
   * Hadoop setting (also a read option): read such arrays as rows of this reader (default true)
   * rather than as columnar batches when the scan reads {@code value}.
   */
  static final String UNSAFE_ROWS_KEY = "lindi.read.unsafeRows";

  private final ArrayColumns columns;
  private final RowCursor cursor;
  private final byte[] buffer;
  private final UnsafeRow row;
  /** Byte offsets in {@link #buffer} of each column's 8-byte slot. */
  private final int[] slots;
  /** Where the value array's elements start in the buffer, and their byte count. */
  private final int valuesAt;
  private final int valueBytes;

  UnsafeRowsReader(ArrayPartition partition, Configuration conf, StructType readSchema) {
    this.columns = new ArrayColumns(readSchema);
    ArraySpec spec = partition.spec();
    if (!suits(spec)) {
      throw new IllegalArgumentException(spec + " is not a 2-D array of plain numbers");
    }
    this.cursor = new RowCursor(partition, conf, columns);

    int n = columns.size();
    int fixed = UnsafeRow.calculateBitSetWidthInBytes(n) + 8 * n;
    int rowElements = Math.toIntExact(spec.rowElements());
    int itemSize = spec.metadata().dtype().itemSize();
    int header = UnsafeArrayData.calculateHeaderPortionInBytes(rowElements);
    this.valueBytes = rowElements * itemSize;
    int arrayBytes = columns.needsValues() ? header + roundUp(valueBytes) : 0;
    byte[] file = spec.file().getBytes(StandardCharsets.UTF_8);
    boolean needsFile = false;
    for (ArrayColumns.Role r : columns.roles) {
      needsFile |= r == ArrayColumns.Role.FILE;
    }
    int total = fixed + arrayBytes + (needsFile ? roundUp(file.length) : 0);
    this.buffer = new byte[total];
    this.slots = new int[n];
    int arrayAt = fixed;
    int fileAt = fixed + arrayBytes;
    for (int i = 0; i < n; i++) {
      slots[i] = UnsafeRow.calculateBitSetWidthInBytes(n) + 8 * i;
      switch (columns.roles[i]) {
        case VALUE:
          putLong(slots[i], ((long) arrayAt << 32) | arrayBytes);
          break;
        case FILE:
          putLong(slots[i], ((long) fileAt << 32) | file.length);
          break;
        default:
          break;
      }
    }
    // an UnsafeArrayData: element count, null bits (none: numbers are never null), elements
    if (arrayBytes > 0) {
      putLong(arrayAt, rowElements);
    }
    this.valuesAt = arrayAt + header;
    System.arraycopy(file, 0, buffer, fileAt, needsFile ? file.length : 0);
    this.row = new UnsafeRow(n);
    row.pointTo(buffer, total);
  }

  /**
   * Whether this reader can read {@code spec}: a 2-D array of elements stored as Spark stores them
   * (the cases where a copy of the decoded bytes is the conversion).
   */
  static boolean suits(ArraySpec spec) {
    if (spec.isScalar() || spec.logicalRank() != 2 || spec.compoundType() != null
        || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      return false;
    }
    DType d = spec.metadata().dtype();
    switch (d.kind()) {
      case INT:
        return true;
      case FLOAT:
        return d.itemSize() == 4 || d.itemSize() == 8;
      case DATETIME:
      case TIMEDELTA:
        return d.itemSize() == 8;
      default:
        return false;
    }
  }

  private static int roundUp(int bytes) {
    return (bytes + 7) & ~7;
  }

  private void putLong(int at, long v) {
    Platform.putLong(buffer, Platform.BYTE_ARRAY_OFFSET + at, v);
  }

  @Override
  public boolean next() throws IOException {
    if (!cursor.advance()) {
      return false;
    }
    long index = cursor.index();
    for (int i = 0; i < slots.length; i++) {
      switch (columns.roles[i]) {
        case INDEX:
          putLong(slots[i], index);
          break;
        case TIME:
          Platform.putDouble(buffer, Platform.BYTE_ARRAY_OFFSET + slots[i], cursor.time());
          break;
        case VALUE:
          RowBlock block = cursor.block();
          System.arraycopy(block.bytes, block.byteOf(block.element(index)), buffer, valuesAt, valueBytes);
          break;
        default:
          break; // _file is written once
      }
    }
    return true;
  }

  @Override
  public InternalRow get() {
    return row;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return cursor.metrics();
  }

  @Override
  public void close() throws IOException {
    cursor.close();
  }
}
