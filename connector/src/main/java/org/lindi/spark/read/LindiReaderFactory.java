package org.lindi.spark.read;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.util.SerializableConfiguration;
import org.lindi.spark.Layout;

/**
 * Creates the executor-side readers of a scan: catalog rows, pushed counts, NWB table rows, or an
 * array's {@code rows} / {@code chunks} layout, columnar for numeric elements, {@link UnsafeRowsReader}
 * rows for the values of 2-D arrays of plain numbers. The Hadoop configuration comes from one
 * broadcast per scan (none for counts).
 */
final class LindiReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final Broadcast<SerializableConfiguration> conf;
  private final StructType readSchema;
  private final boolean columnar;
  private final boolean unsafeRows;

  LindiReaderFactory(Broadcast<SerializableConfiguration> conf, StructType readSchema, boolean columnar,
      boolean unsafeRows) {
    this.conf = conf;
    this.readSchema = readSchema;
    this.columnar = columnar;
    this.unsafeRows = unsafeRows;
  }

  private Configuration conf() {
    return conf.value().value();
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return columnar && partition instanceof ArrayPartition;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    if (partition instanceof CatalogPartition) {
      return new CatalogReader((CatalogPartition) partition, readSchema);
    }
    if (partition instanceof CountPartition) {
      return new CountReader((CountPartition) partition);
    }
    if (partition instanceof TablePartition) {
      return new TableReader((TablePartition) partition, readSchema);
    }
    ArrayPartition p = (ArrayPartition) partition;
    if (p.layout() != Layout.ROWS) {
      return new ChunksRowReader(p, conf(), readSchema);
    }
    return unsafeRows ? new UnsafeRowsReader(p, conf(), readSchema) : new RowsRowReader(p, conf(), readSchema);
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    ArrayPartition p = (ArrayPartition) partition;
    return p.layout() == Layout.ROWS ? new RowsBatchReader(p, conf(), readSchema)
        : new ChunksBatchReader(p, conf(), readSchema);
  }
}
