package org.lindi.spark;

import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.connector.catalog.SupportsMetadataColumns;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.lindi.nwb.DynamicTable;
import org.lindi.spark.read.ArraySpec;
import org.lindi.spark.read.ChunkPlanner;
import org.lindi.spark.read.LindiScanBuilder;
import org.lindi.spark.read.TableColumns;
import org.lindi.spark.read.TablePlanner;

/**
 * A read of lindi files: the catalog of their nodes, one dataset of them in the {@code rows} (with
 * an NWB {@code time} column on request) or {@code chunks} layout, or an NWB DynamicTable group in
 * the {@code table} layout. The schema is inferred from the first file; the others are checked
 * against it when the scan is planned.
 */
public final class LindiTable implements SupportsRead, SupportsMetadataColumns {
  private final ReadOptions options;
  private final SourceFiles files;
  private final ArraySpec first;
  private final StructType schema;

  private LindiTable(ReadOptions options, SourceFiles files, ArraySpec first, StructType schema) {
    this.options = options;
    this.files = files;
    this.first = first;
    this.schema = schema;
  }

  /** Opens the files of {@code options} and infers the schema. */
  public static LindiTable open(SparkSession spark, ReadOptions options) {
    SourceFiles files = SourceFiles.expand(options, ReadConfiguration.of(spark, options));
    if (options.isCatalog()) {
      return new LindiTable(options, files, null, LindiSchemas.catalog());
    }
    Path first = files.paths().get(0);
    if (options.layout() == Layout.TABLE) {
      DynamicTable table = TablePlanner.table(files, first, options.dataset());
      return new LindiTable(options, files, null, TableColumns.schema(table.columns()));
    }
    ArraySpec spec = ChunkPlanner.spec(files, first, options.dataset());
    if (options.time()) {
      ChunkPlanner.timeAxis(files, first, options.dataset()); // not a TimeSeries data array: fail here
    }
    StructType schema = options.layout() == Layout.ROWS
        ? LindiSchemas.rows(spec.element(), spec.logicalRank(), options.time())
        : LindiSchemas.chunks(spec.element());
    return new LindiTable(options, files, spec, schema);
  }

  public ReadOptions options() {
    return options;
  }

  public SourceFiles files() {
    return files;
  }

  /** The dataset's facts in the first file; null for the catalog and the table layout. */
  public ArraySpec firstSpec() {
    return first;
  }

  @Override
  public String name() {
    String what = options.isCatalog() ? "catalog" : "/" + options.dataset() + " (" + options.layout().optionValue() + ")";
    return "lindi " + what + " of " + (files.paths().size() == 1 ? files.paths().get(0)
        : files.paths().size() + " files");
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
    return new LindiScanBuilder(this);
  }

  @Override
  public MetadataColumn[] metadataColumns() {
    return new MetadataColumn[] {FileMetadataColumn.INSTANCE};
  }

  @Override
  public String toString() {
    return name();
  }
}
