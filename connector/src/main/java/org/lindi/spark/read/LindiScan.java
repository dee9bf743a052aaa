package org.lindi.spark.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.lindi.spark.Layout;
import org.lindi.spark.LindiSchemas;
import org.lindi.spark.LindiTable;
import org.lindi.spark.ReadOptions;

/**
 * A planned read of lindi files. Planning (on the driver, once per scan) opens every file's RFS
 * once and resolves the refs of the selected chunks; executors get only their partition's chunks.
 */
public final class LindiScan implements Scan, Batch, SupportsReportStatistics {
  private final LindiTable table;
  private final StructType readSchema;
  private final IndexRanges selection;
  private final TimeWindows time;
  private final Filter[] pushed;
  private final long limit;
  private final CountAggregate count;
  private List<InputPartition> partitions;
  private ArrayPlan plan;
  private long catalogRows;

  LindiScan(LindiTable table, StructType readSchema, IndexRanges selection, TimeWindows time, Filter[] pushed,
      long limit, CountAggregate count) {
    this.table = table;
    this.readSchema = readSchema;
    this.selection = selection;
    this.time = time;
    this.pushed = pushed;
    this.limit = limit;
    this.count = count;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  /** The row indices pushed predicates select. */
  public IndexRanges selection() {
    return selection;
  }

  /** The times pushed predicates on {@code time} select (each file maps them to its indices). */
  public TimeWindows timeWindows() {
    return time;
  }

  /** The pushed limit, or -1. */
  public long limit() {
    return limit;
  }

  /** The pushed row counts this scan returns instead of rows, or null. */
  public CountAggregate count() {
    return count;
  }

  private boolean columnar() {
    return count == null && !table.options().isCatalog() && table.options().layout() != Layout.TABLE
        && table.firstSpec().element().isColumnar() && !unsafeRows();
  }

  /**
   * Whether the rows layout is read as {@link UnsafeRowsReader} rows rather than columnar batches:
   * when {@code value} of a 2-D array of plain numbers is read, Spark would otherwise rebuild each
   * row's array from the batch element by element (measured: see benchmarks/RESULTS.md).
   */
  private boolean unsafeRows() {
    ReadOptions o = table.options();
    return count == null && !o.isCatalog() && o.layout() == Layout.ROWS
        && table.files().conf().getBoolean(UnsafeRowsReader.UNSAFE_ROWS_KEY, true)
        && Arrays.asList(readSchema.fieldNames()).contains(LindiSchemas.VALUE)
        && UnsafeRowsReader.suits(table.firstSpec());
  }

  @Override
  public ColumnarSupportMode columnarSupportMode() {
    return columnar() ? ColumnarSupportMode.SUPPORTED : ColumnarSupportMode.UNSUPPORTED;
  }

  /** The partitions of this scan (planned on first use). */
  public synchronized List<InputPartition> partitions() {
    if (partitions == null) {
      ReadOptions o = table.options();
      if (count != null) {
        CountPartition c = CountPlanner.plan(table.files(), o, selection, time, count);
        partitions = List.of(c);
        catalogRows = c.size();
      } else if (o.isCatalog()) {
        List<CatalogPartition> c = CatalogPlanner.plan(table.files());
        partitions = new ArrayList<>(c);
        catalogRows = c.stream().mapToLong(CatalogPartition::size).sum();
      } else if (o.layout() == Layout.TABLE) {
        List<TablePartition> t = TablePlanner.plan(table.files(), o, readSchema);
        partitions = new ArrayList<>(t);
        catalogRows = t.stream().mapToLong(TablePartition::size).sum();
      } else {
        SQLConf conf = SQLConf.get();
        int minPartitions = conf.filesMinPartitionNum().isDefined()
            ? ((Number) conf.filesMinPartitionNum().get()).intValue()
            : SparkSession.active().sparkContext().defaultParallelism();
        ChunkPlanner.SplitPolicy policy = new ChunkPlanner.SplitPolicy(conf.filesMaxPartitionBytes(),
            conf.filesOpenCostInBytes(), minPartitions);
        boolean timeColumn = Arrays.asList(readSchema.fieldNames()).contains(LindiSchemas.TIME);
        plan = new ChunkPlanner(table.files(), o, selection, limit, time, timeColumn).plan(policy);
        partitions = new ArrayList<>(plan.partitions());
      }
    }
    return partitions;
  }

  /** The array plan (null for the catalog). */
  public synchronized ArrayPlan plan() {
    partitions();
    return plan;
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    return partitions().toArray(new InputPartition[0]);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    if (count != null) {
      return new LindiReaderFactory(null, readSchema, false, false); // counts need no Hadoop configuration
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
    Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(table.files().conf()));
    return new LindiReaderFactory(conf, readSchema, columnar(), unsafeRows());
  }

  @Override
  public Statistics estimateStatistics() {
    partitions();
    long rows;
    long bytes;
    if (plan == null) {
      rows = catalogRows;
      bytes = catalogRows * 256;
    } else {
      rows = limit >= 0 ? Math.min(limit, plan.rows()) : plan.rows();
      boolean values = Arrays.asList(readSchema.fieldNames()).contains(LindiSchemas.VALUE);
      long valueBytes = plan.rows() == 0 ? 0 : (long) ((double) plan.decodedBytes() * rows / plan.rows());
      bytes = (values ? valueBytes : 0) + rows * 8L;
    }
    long r = rows;
    long b = Math.max(1, bytes);
    return new Statistics() {
      @Override
      public OptionalLong sizeInBytes() {
        return OptionalLong.of(b);
      }

      @Override
      public OptionalLong numRows() {
        return OptionalLong.of(r);
      }
    };
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ReadMetrics.supported();
  }

  @Override
  public String description() {
    ReadOptions o = table.options();
    StringBuilder sb = new StringBuilder("LindiScan ");
    sb.append(o.isCatalog() ? "catalog" : "dataset=/" + o.dataset() + " layout=" + o.layout().optionValue());
    sb.append(" files=").append(table.files().paths().size());
    if (count != null) {
      sb.append(" aggregate=[").append(count).append("] from shapes");
    }
    if (!selection.isAll()) {
      sb.append(" index=").append(selection);
    }
    if (!time.isAll()) {
      sb.append(" time=").append(time);
    }
    if (limit >= 0) {
      sb.append(" limit=").append(limit);
    }
    if (pushed.length > 0) {
      sb.append(" pushed=").append(Arrays.toString(pushed));
    }
    sb.append(" columns=").append(Arrays.toString(readSchema.fieldNames()));
    List<InputPartition> p = partitions();
    sb.append(" partitions=").append(p.size());
    if (plan != null) {
      sb.append(" chunks=").append(plan.chunkCount());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return description();
  }
}
