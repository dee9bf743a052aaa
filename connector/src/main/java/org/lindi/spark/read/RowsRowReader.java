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
  private static final int RUN_ROWS = Integer.MAX_VALUE;

  private final ArrayPartition partition;
  private final Configuration conf;
  private final ArrayColumns columns;
  private final ElementValues values;
  private final long[] rowDims;
  private final RowSelection selection;
  private final UTF8String file;
  private final TimeColumn time;
  private double[] times = new double[0];
  private long runStart;
  private ChunkFetcher fetcher;
  private RowAssembler assembler;
  private RowBlock block;
  private int blockRow = -1;
  private long next;
  private long end;
  private InternalRow current;

  RowsRowReader(ArrayPartition partition, Configuration conf, StructType readSchema) {
    this.partition = partition;
    this.conf = conf;
    this.columns = new ArrayColumns(readSchema);
    ArraySpec spec = partition.spec();
    this.values = new ElementValues(spec.element());
    long[] shape = spec.metadata().shape();
    int depth = Math.max(0, spec.logicalRank() - 1);
    this.rowDims = java.util.Arrays.copyOfRange(shape, shape.length - depth, shape.length);
    this.selection = new RowSelection(partition);
    this.file = UTF8String.fromString(spec.file());
    this.time = columns.needsTime() ? new TimeColumn(requireTime(partition), conf) : null;
  }

  static TimeSource requireTime(ArrayPartition partition) {
    if (partition.time() == null) {
      throw new IllegalStateException("the time column is read but " + partition + " has no time source");
    }
    return partition.time();
  }

  @Override
  public boolean next() throws IOException {
    if (next >= end) {
      if (!selection.advance(RUN_ROWS)) {
        return false;
      }
      next = selection.start();
      end = next + selection.count();
      runStart = next;
      if (time != null) {
        if (times.length < selection.count()) {
          times = new double[selection.count()];
        }
        time.times(runStart, selection.count(), times);
      }
      if (columns.needsValues() && blockRow != selection.rowOfChunks()) {
        if (fetcher == null) {
          fetcher = new ChunkFetcher(partition, conf);
          assembler = new RowAssembler(fetcher);
        }
        blockRow = selection.rowOfChunks();
        block = assembler.assemble(blockRow, partition.row(blockRow));
      }
    }
    long index = next++;
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      switch (columns.roles[i]) {
        case INDEX:
          out[i] = index;
          break;
        case TIME:
          out[i] = times[(int) (index - runStart)];
          break;
        case VALUE:
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
    CustomTaskMetric[] data = fetcher == null ? ReadMetrics.none() : fetcher.metrics();
    return time == null ? data : ReadMetrics.sum(data, time.metrics());
  }

  @Override
  public void close() throws IOException {
    if (fetcher != null) {
      fetcher.close();
    }
    if (time != null) {
      time.close();
    }
  }
}
