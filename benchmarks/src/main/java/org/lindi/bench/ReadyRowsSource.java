package org.lindi.bench;

import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.Platform;

/**
 * Spark's own floor for a full scan of the benchmark's shape: a DataSource V2 source whose readers do
 * no work at all. Each partition hands out one ready {@link UnsafeRow} ({@code index BIGINT, value
 * ARRAY<SMALLINT>} of 64 elements) again and again, only its index changing, or (option
 * {@code columnar=true}) one ready {@link ColumnarBatch} of 4096 such rows again and again. What a
 * noop write of it costs is what Spark spends per row for this schema, whatever the source does.
 * Options: {@code rows} (default 1,800,000), {@code partitions} (2), {@code columnar} (false).
 */
public final class ReadyRowsSource implements TableProvider {
  static final StructType SCHEMA = new StructType()
      .add("index", DataTypes.LongType, false)
      .add("value", DataTypes.createArrayType(DataTypes.ShortType, false), false);
  static final int ELEMENTS = 64;
  static final int BATCH_ROWS = 4096;

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return SCHEMA;
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new ReadyTable(new CaseInsensitiveStringMap(properties));
  }

  private static final class ReadyTable implements Table, SupportsRead {
    private final CaseInsensitiveStringMap options;

    ReadyTable(CaseInsensitiveStringMap options) {
      this.options = options;
    }

    @Override
    public String name() {
      return "ready-rows";
    }

    @Override
    public StructType schema() {
      return SCHEMA;
    }

    @Override
    public Set<TableCapability> capabilities() {
      return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
      long rows = scanOptions.getLong("rows", options.getLong("rows", 1_800_000L));
      int partitions = scanOptions.getInt("partitions", options.getInt("partitions", 2));
      boolean columnar = scanOptions.getBoolean("columnar", options.getBoolean("columnar", false));
      return () -> new ReadyScan(rows, partitions, columnar);
    }
  }

  private static final class ReadyScan implements Scan, Batch {
    private final long rows;
    private final int partitions;
    private final boolean columnar;

    ReadyScan(long rows, int partitions, boolean columnar) {
      this.rows = rows;
      this.partitions = partitions;
      this.columnar = columnar;
    }

    @Override
    public StructType readSchema() {
      return SCHEMA;
    }

    @Override
    public Batch toBatch() {
      return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
      InputPartition[] out = new InputPartition[partitions];
      for (int i = 0; i < partitions; i++) {
        long from = rows * i / partitions;
        out[i] = new Range(from, rows * (i + 1) / partitions - from);
      }
      return out;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      return new Factory(columnar);
    }
  }

  private static final class Range implements InputPartition {
    private static final long serialVersionUID = 1L;
    final long from;
    final long count;

    Range(long from, long count) {
      this.from = from;
      this.count = count;
    }
  }

  private static final class Factory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;
    private final boolean columnar;

    Factory(boolean columnar) {
      this.columnar = columnar;
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
      return columnar;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      return new RowReader((Range) partition);
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
      return new BatchReader((Range) partition);
    }
  }

  /** One ready row; only the index slot changes. */
  private static final class RowReader implements PartitionReader<InternalRow> {
    private final UnsafeRow row = new UnsafeRow(2);
    private final byte[] buffer;
    private final long end;
    private long index;

    RowReader(Range range) {
      int header = UnsafeArrayData.calculateHeaderPortionInBytes(ELEMENTS);
      int arrayBytes = header + 2 * ELEMENTS;
      int fixed = UnsafeRow.calculateBitSetWidthInBytes(2) + 16;
      buffer = new byte[fixed + arrayBytes];
      Platform.putLong(buffer, Platform.BYTE_ARRAY_OFFSET + 16, ((long) fixed << 32) | arrayBytes);
      Platform.putLong(buffer, Platform.BYTE_ARRAY_OFFSET + fixed, ELEMENTS);
      for (int e = 0; e < ELEMENTS; e++) {
        Platform.putShort(buffer, Platform.BYTE_ARRAY_OFFSET + fixed + header + 2 * e, (short) e);
      }
      row.pointTo(buffer, buffer.length);
      index = range.from - 1;
      end = range.from + range.count;
    }

    @Override
    public boolean next() {
      return ++index < end;
    }

    @Override
    public InternalRow get() {
      Platform.putLong(buffer, Platform.BYTE_ARRAY_OFFSET + 8, index);
      return row;
    }

    @Override
    public void close() {}
  }

  /** One ready batch of {@link #BATCH_ROWS} rows handed out until the range is covered. */
  private static final class BatchReader implements PartitionReader<ColumnarBatch> {
    private final OnHeapColumnVector indexes = new OnHeapColumnVector(BATCH_ROWS, DataTypes.LongType);
    private final OnHeapColumnVector values =
        new OnHeapColumnVector(BATCH_ROWS, DataTypes.createArrayType(DataTypes.ShortType, false));
    private final ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {indexes, values});
    private long left;

    BatchReader(Range range) {
      left = range.count;
      OnHeapColumnVector elements = (OnHeapColumnVector) values.getChild(0);
      elements.reserve(BATCH_ROWS * ELEMENTS);
      for (int r = 0; r < BATCH_ROWS; r++) {
        indexes.putLong(r, range.from + r);
        values.putArray(r, r * ELEMENTS, ELEMENTS);
        for (int e = 0; e < ELEMENTS; e++) {
          elements.putShort(r * ELEMENTS + e, (short) e);
        }
      }
    }

    @Override
    public boolean next() {
      if (left <= 0) {
        return false;
      }
      batch.setNumRows((int) Math.min(BATCH_ROWS, left));
      left -= BATCH_ROWS;
      return true;
    }

    @Override
    public ColumnarBatch get() {
      return batch;
    }

    @Override
    public void close() {
      batch.close();
    }
  }
}
