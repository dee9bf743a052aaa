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
import org.lindi.codec.ByteSlice;
import org.lindi.spark.types.ElementType;
import org.lindi.zarr.ChunkGrid;

/**
 * The {@code chunks} layout of a numeric array as columnar batches, one batch per row of chunks:
 * a row per chunk, its trimmed elements put in bulk into the value vector's child.
 */
final class ChunksBatchReader implements PartitionReader<ColumnarBatch> {
  private final ArrayPartition partition;
  private final Configuration conf;
  private final ArrayColumns columns;
  private final ElementType element;
  private final ChunkGrid grid;
  private final int logicalRank;
  private final ColumnVector[] vectors;
  private final ColumnarBatch batch;
  private ChunkFetcher fetcher;
  private ChunkView view;
  private int row;
  private long emitted;

  ChunksBatchReader(ArrayPartition partition, Configuration conf, StructType readSchema) {
    this.partition = partition;
    this.conf = conf;
    this.columns = new ArrayColumns(readSchema);
    ArraySpec spec = partition.spec();
    this.element = spec.element();
    this.grid = spec.grid();
    this.logicalRank = spec.logicalRank();
    int capacity = 16;
    for (int i = 0; i < partition.rowCount(); i++) {
      capacity = Math.max(capacity, partition.row(i).chunkCount());
    }
    this.vectors = new ColumnVector[columns.size()];
    for (int i = 0; i < vectors.length; i++) {
      if (columns.roles[i] == ArrayColumns.Role.FILE) {
        ConstantColumnVector v = new ConstantColumnVector(capacity, DataTypes.StringType);
        v.setUtf8String(UTF8String.fromString(spec.file()));
        vectors[i] = v;
      } else {
        vectors[i] = new OnHeapColumnVector(capacity, readSchema.fields()[i].dataType());
      }
    }
    this.batch = new ColumnarBatch(vectors);
  }

  @Override
  public boolean next() throws IOException {
    long limit = partition.limit();
    if (row >= partition.rowCount() || (limit >= 0 && emitted >= limit)) {
      return false;
    }
    RowOfChunks r = partition.row(row);
    int n = r.chunkCount();
    if (limit >= 0) {
      n = (int) Math.min(n, limit - emitted);
    }
    for (int i = 0; i < vectors.length; i++) {
      if (vectors[i] instanceof WritableColumnVector) {
        WritableColumnVector v = (WritableColumnVector) vectors[i];
        v.reset();
        v.reserve(n);
      }
    }
    ByteSlice[] stored = null;
    if (columns.needsValues()) {
      if (fetcher == null) {
        fetcher = new ChunkFetcher(partition, conf);
        view = new ChunkView(partition.spec());
      }
      stored = fetcher.stored(row);
    }
    int[] offsets = new int[vectors.length];
    for (int c = 0; c < n; c++) {
      ChunkTask t = r.chunk(c);
      if (stored != null) {
        view.of(t, fetcher.decode(t, stored[c]));
      }
      for (int i = 0; i < vectors.length; i++) {
        switch (columns.roles[i]) {
          case CHUNK:
          case START:
          case SHAPE:
            offsets[i] = putCoords((WritableColumnVector) vectors[i], c, offsets[i], t, columns.roles[i]);
            break;
          case VALUE:
            WritableColumnVector v = (WritableColumnVector) vectors[i];
            WritableColumnVector leaf = v.arrayData();
            leaf.reserve(offsets[i] + view.count);
            element.putAll(leaf, offsets[i], view.bytes, view.byteOffset, view.count);
            v.putArray(c, offsets[i], view.count);
            offsets[i] += view.count;
            break;
          default:
            break;
        }
      }
    }
    row++;
    emitted += n;
    batch.setNumRows(n);
    return true;
  }

  /** Puts the chunk's grid coordinates, first elements or trimmed extents (logical rank only). */
  private int putCoords(WritableColumnVector v, int rowId, int offset, ChunkTask t, ArrayColumns.Role role) {
    long[] coords = t.coordsRef();
    WritableColumnVector child = v.arrayData();
    child.reserve(offset + logicalRank);
    for (int k = 0; k < logicalRank; k++) {
      long x = role == ArrayColumns.Role.CHUNK ? coords[k]
          : role == ArrayColumns.Role.START ? grid.chunkStart(k, coords[k]) : grid.chunkExtent(k, coords[k]);
      child.putLong(offset + k, x);
    }
    v.putArray(rowId, offset, logicalRank);
    return offset + logicalRank;
  }

  @Override
  public ColumnarBatch get() {
    return batch;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return fetcher == null ? ReadMetrics.none() : fetcher.metrics();
  }

  @Override
  public void close() throws IOException {
    batch.close();
    if (fetcher != null) {
      fetcher.close();
    }
  }
}
