package org.lindi.spark.read;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.lindi.codec.ByteSlice;
import org.lindi.zarr.ChunkGrid;

/** The {@code chunks} layout as rows, for arrays whose elements are not plain numbers. */
final class ChunksRowReader implements PartitionReader<InternalRow> {
  private final ArrayPartition partition;
  private final Configuration conf;
  private final ArrayColumns columns;
  private final ElementValues values;
  private final ChunkGrid grid;
  private final int logicalRank;
  private final UTF8String file;
  private ChunkFetcher fetcher;
  private ChunkView view;
  private ByteSlice[] stored;
  private int row;
  private int chunk = -1;
  private long emitted;
  private InternalRow current;

  ChunksRowReader(ArrayPartition partition, Configuration conf, StructType readSchema) {
    this.partition = partition;
    this.conf = conf;
    this.columns = new ArrayColumns(readSchema);
    ArraySpec spec = partition.spec();
    this.values = new ElementValues(spec.element());
    this.grid = spec.grid();
    this.logicalRank = spec.logicalRank();
    this.file = UTF8String.fromString(spec.file());
  }

  @Override
  public boolean next() throws IOException {
    long limit = partition.limit();
    if (limit >= 0 && emitted >= limit) {
      return false;
    }
    chunk++;
    while (row < partition.rowCount() && chunk >= partition.row(row).chunkCount()) {
      row++;
      chunk = 0;
      stored = null;
    }
    if (row >= partition.rowCount()) {
      return false;
    }
    ChunkTask t = partition.row(row).chunk(chunk);
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      switch (columns.roles[i]) {
        case CHUNK:
        case START:
        case SHAPE:
          out[i] = coords(t, columns.roles[i]);
          break;
        case VALUE:
          if (fetcher == null) {
            fetcher = new ChunkFetcher(partition, conf);
            view = new ChunkView(partition.spec());
          }
          if (stored == null) {
            stored = fetcher.stored(row);
          }
          view.of(t, fetcher.decode(t, stored[chunk]));
          out[i] = values.box(view.bytes, view.byteOffset, view.itemSize(), view.elements, 0,
              new long[] {view.count}, 0);
          break;
        case FILE:
          out[i] = file;
          break;
        default:
          throw new IllegalStateException("column " + columns.roles[i] + " in the chunks layout");
      }
    }
    emitted++;
    current = new GenericInternalRow(out);
    return true;
  }

  private UnsafeArrayData coords(ChunkTask t, ArrayColumns.Role role) {
    long[] c = t.coordsRef();
    long[] out = new long[logicalRank];
    for (int k = 0; k < logicalRank; k++) {
      out[k] = role == ArrayColumns.Role.CHUNK ? c[k]
          : role == ArrayColumns.Role.START ? grid.chunkStart(k, c[k]) : grid.chunkExtent(k, c[k]);
    }
    return UnsafeArrayData.fromPrimitiveArray(out);
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return fetcher == null ? ReadMetrics.none() : fetcher.metrics();
  }

  @Override
  public void close() throws IOException {
    if (fetcher != null) {
      fetcher.close();
    }
  }
}
