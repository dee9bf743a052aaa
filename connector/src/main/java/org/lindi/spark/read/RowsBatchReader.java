package org.lindi.spark.read;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.vectorized.ConstantColumnVector;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;
import org.lindi.spark.types.ElementType;

/**
 * The {@code rows} layout of a numeric array as columnar batches: each batch is a run of selected
 * rows of one row of chunks, its values put in bulk from the decoded chunk bytes (nested arrays
 * through the child vector and offsets). Vectors are reused from batch to batch.
 */
public final class RowsBatchReader implements PartitionReader<ColumnarBatch> {
  /**
   * Hadoop setting (also a read option): elements per batch at most. The default 1 Mi elements are
   * 16384 rows of 64 int16 channels (2 MiB): measured faster into the noop sink than 4096 or 30000
   * rows, and a whole row of chunks of a narrow array.
   */
  public static final String BATCH_ELEMENTS_KEY = "lindi.read.batchElements";
  /** Hadoop setting (also a read option): rows per batch at most. */
  public static final String BATCH_ROWS_KEY = "lindi.read.batchRows";
  /** Rows per batch when no value is read ({@code count(*)}, {@code select index}). */
  private static final int INDEX_BATCH_ROWS = 1 << 16;

  private final ArrayPartition partition;
  private final Configuration conf;
  private final ArrayColumns columns;
  private final ElementType element;
  private final long[] shape;
  private final int depth;
  private final int rowElements;
  private final int maxBatchRows;
  private final ColumnVector[] vectors;
  private final ColumnarBatch batch;
  private final RowSelection selection;
  private final TimeColumn time;
  private double[] times = new double[0];
  private ChunkFetcher fetcher;
  private RowAssembler assembler;
  private RowBlock block;
  private int blockRow = -1;

  RowsBatchReader(ArrayPartition partition, Configuration conf, StructType readSchema) {
    this.partition = partition;
    this.conf = conf;
    this.columns = new ArrayColumns(readSchema);
    ArraySpec spec = partition.spec();
    this.element = spec.element();
    this.shape = spec.metadata().shape();
    this.depth = Math.max(0, spec.logicalRank() - 1);
    this.rowElements = Math.toIntExact(spec.rowElements());
    int batchRows = Math.max(1, conf.getInt(BATCH_ROWS_KEY, 16384));
    int batchElements = Math.max(1, conf.getInt(BATCH_ELEMENTS_KEY, 1 << 20));
    this.maxBatchRows = columns.needsValues()
        ? Math.max(1, Math.min(batchRows, batchElements / Math.max(1, rowElements)))
        : INDEX_BATCH_ROWS;
    this.selection = new RowSelection(partition);
    this.vectors = new ColumnVector[columns.size()];
    for (int i = 0; i < vectors.length; i++) {
      if (columns.roles[i] == ArrayColumns.Role.FILE) {
        ConstantColumnVector v = new ConstantColumnVector(maxBatchRows, DataTypes.StringType);
        v.setUtf8String(UTF8String.fromString(spec.file()));
        vectors[i] = v;
      } else {
        vectors[i] = new OnHeapColumnVector(maxBatchRows, readSchema.fields()[i].dataType());
      }
    }
    this.batch = new ColumnarBatch(vectors);
    this.time = columns.needsTime() ? new TimeColumn(RowCursor.requireTime(partition), conf) : null;
  }

  @Override
  public boolean next() throws IOException {
    if (!selection.advance(maxBatchRows)) {
      return false;
    }
    long start = selection.start();
    int n = selection.count();
    if (columns.needsValues() && blockRow != selection.rowOfChunks()) {
      if (fetcher == null) {
        fetcher = new ChunkFetcher(partition, conf);
        assembler = new RowAssembler(fetcher);
      }
      blockRow = selection.rowOfChunks();
      block = assembler.assemble(blockRow, partition.row(blockRow));
    }
    for (int i = 0; i < vectors.length; i++) {
      switch (columns.roles[i]) {
        case INDEX:
          WritableColumnVector idx = (WritableColumnVector) vectors[i];
          idx.reset();
          idx.reserve(n);
          for (int r = 0; r < n; r++) {
            idx.putLong(r, start + r);
          }
          break;
        case TIME:
          WritableColumnVector tv = (WritableColumnVector) vectors[i];
          tv.reset();
          tv.reserve(n);
          if (times.length < n) {
            times = new double[n];
          }
          time.times(start, n, times);
          tv.putDoubles(0, n, times, 0);
          break;
        case VALUE:
          fillValues((WritableColumnVector) vectors[i], start, n);
          break;
        default:
          break;
      }
    }
    batch.setNumRows(n);
    return true;
  }

  /** Puts rows {@code [start, start + n)} of the current block into the value vector. */
  private void fillValues(WritableColumnVector v, long start, int n) {
    v.reset();
    WritableColumnVector level = v;
    int entries = n;
    for (int k = 0; k < depth; k++) {
      int len = (int) shape[k + 1];
      level.reserve(entries);
      for (int i = 0; i < entries; i++) {
        level.putArray(i, i * len, len);
      }
      entries *= len;
      level = level.arrayData();
      level.reset();
    }
    level.reserve(entries);
    element.putAll(level, 0, block.bytes, block.byteOf(block.element(start)), n * rowElements);
  }

  @Override
  public ColumnarBatch get() {
    return batch;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    CustomTaskMetric[] data = fetcher == null ? ReadMetrics.none() : fetcher.metrics();
    return time == null ? data : ReadMetrics.sum(data, time.metrics());
  }

  @Override
  public void close() throws IOException {
    batch.close();
    if (fetcher != null) {
      fetcher.close();
    }
    if (time != null) {
      time.close();
    }
  }
}
