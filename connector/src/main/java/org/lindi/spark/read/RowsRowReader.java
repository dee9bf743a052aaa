package org.lindi.spark.read;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The {@code rows} layout as rows, for arrays whose elements are not plain numbers (strings,
 * objects, compound rows): one row per selected position along axis 0.
 */
final class RowsRowReader implements PartitionReader<InternalRow> {
  private final ArrayColumns columns;
  private final ElementValues values;
  private final long[] rowDims;
  private final UTF8String file;
  private final RowCursor cursor;
  private InternalRow current;

  RowsRowReader(ArrayPartition partition, Configuration conf, StructType readSchema) {
    this.columns = new ArrayColumns(readSchema);
    ArraySpec spec = partition.spec();
    this.values = new ElementValues(spec.element());
    long[] shape = spec.metadata().shape();
    int depth = Math.max(0, spec.logicalRank() - 1);
    this.rowDims = java.util.Arrays.copyOfRange(shape, shape.length - depth, shape.length);
    this.file = UTF8String.fromString(spec.file());
    this.cursor = new RowCursor(partition, conf, columns);
  }

  @Override
  public boolean next() throws IOException {
    if (!cursor.advance()) {
      return false;
    }
    long index = cursor.index();
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      switch (columns.roles[i]) {
        case INDEX:
          out[i] = index;
          break;
        case TIME:
          out[i] = cursor.time();
          break;
        case VALUE:
          RowBlock block = cursor.block();
          out[i] = values.box(block.bytes, block.byteOffset, block.itemSize, block.objects, block.element(index),
              rowDims, 0);
          break;
        case FILE:
          out[i] = file;
          break;
        default:
          throw new IllegalStateException("column " + columns.roles[i] + " in the rows layout");
      }
    }
    current = new GenericInternalRow(out);
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
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
