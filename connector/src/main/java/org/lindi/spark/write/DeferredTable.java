package org.lindi.spark.write;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.connector.catalog.SupportsMetadataColumns;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A read table opened on first use. Spark's {@code DataFrameWriter.save} asks the provider for its
 * table (to see whether it supports BATCH_WRITE) before it falls back to the V1 write, when the
 * file or the dataset may not exist yet; it then only calls {@link #capabilities()}, which needs
 * no file. A read calls {@link #schema()} at once, so its errors come as early as before.
 */
public final class DeferredTable implements SupportsRead, SupportsMetadataColumns {
  private final Supplier<? extends Table> open;
  private Table table;

  public DeferredTable(Supplier<? extends Table> open) {
    this.open = open;
  }

  private synchronized Table table() {
    if (table == null) {
      table = open.get();
    }
    return table;
  }

  @Override
  public String name() {
    return table().name();
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return table().schema();
  }

  /** BATCH_READ only: writes go through {@code CreatableRelationProvider}, which knows all four save modes. */
  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return ((SupportsRead) table()).newScanBuilder(options);
  }

  @Override
  public MetadataColumn[] metadataColumns() {
    Table t = table();
    return t instanceof SupportsMetadataColumns ? ((SupportsMetadataColumns) t).metadataColumns()
        : new MetadataColumn[0];
  }

  @Override
  public String toString() {
    return table == null ? "DeferredTable (not opened)" : table.toString();
  }
}
