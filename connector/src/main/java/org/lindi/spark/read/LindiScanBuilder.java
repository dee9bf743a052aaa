package org.lindi.spark.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lindi.spark.Layout;
import org.lindi.spark.LindiSchemas;
import org.lindi.spark.LindiTable;

/**
 * Takes what Spark pushes into a LINDI scan: predicates on {@code index} and, with option
 * {@code time}, on {@code time} (rows layout; applied exactly, so Spark need not re-check them),
 * the columns the query needs, and a limit.
 */
public final class LindiScanBuilder
    implements SupportsPushDownFilters, SupportsPushDownRequiredColumns, SupportsPushDownLimit {
  private final LindiTable table;
  private StructType readSchema;
  private IndexRanges selection = IndexRanges.ALL;
  private TimeWindows time = TimeWindows.ALL;
  private Filter[] pushed = new Filter[0];
  private long limit = -1;

  public LindiScanBuilder(LindiTable table) {
    this.table = table;
    this.readSchema = table.schema();
  }

  @Override
  public Filter[] pushFilters(Filter[] filters) {
    boolean rows = !table.options().isCatalog() && table.options().layout() == Layout.ROWS;
    List<Filter> after = new ArrayList<>();
    List<Filter> taken = new ArrayList<>();
    for (Filter f : filters) {
      IndexRanges r = rows ? IndexFilters.translate(f) : null;
      TimeWindows t = rows && r == null && table.options().time() ? TimeFilters.translate(f) : null;
      if (r != null) {
        selection = selection.intersect(r);
        taken.add(f);
      } else if (t != null) {
        time = time.intersect(t); // each file maps these to its own indices when the scan is planned
        taken.add(f);
      } else {
        after.add(f);
      }
    }
    pushed = taken.toArray(new Filter[0]);
    return after.toArray(new Filter[0]);
  }

  @Override
  public Filter[] pushedFilters() {
    return pushed.clone();
  }

  @Override
  public void pruneColumns(StructType required) {
    StructType all = table.schema().merge(LindiSchemas.fileColumn(), true);
    StructType out = new StructType();
    for (StructField f : required.fields()) {
      for (StructField mine : all.fields()) {
        if (mine.name().equalsIgnoreCase(f.name())) {
          out = out.add(mine);
        }
      }
    }
    readSchema = out;
  }

  @Override
  public boolean pushLimit(int n) {
    if (table.options().isCatalog() || table.options().layout() == Layout.TABLE) {
      return false;
    }
    limit = limit < 0 ? n : Math.min(limit, n);
    return true;
  }

  @Override
  public Scan build() {
    return new LindiScan(table, readSchema, selection, time, pushed, limit);
  }
}
