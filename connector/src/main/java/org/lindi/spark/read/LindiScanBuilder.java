package org.lindi.spark.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
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
 * the columns the query needs, a limit, and row counts ({@link CountAggregate}: rows layout, every
 * predicate pushed), which it answers from the arrays' shapes.
 */
public final class LindiScanBuilder implements SupportsPushDownFilters, SupportsPushDownRequiredColumns,
    SupportsPushDownLimit, SupportsPushDownAggregates {
  private final LindiTable table;
  private StructType readSchema;
  private IndexRanges selection = IndexRanges.ALL;
  private TimeWindows time = TimeWindows.ALL;
  private Filter[] pushed = new Filter[0];
  private long limit = -1;
  private boolean everyFilterPushed = true;
  private CountAggregate count;

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
    everyFilterPushed = after.isEmpty();
    return after.toArray(new Filter[0]);
  }

  @Override
  public Filter[] pushedFilters() {
    return pushed.clone();
  }

  @Override
  public void pruneColumns(StructType required) {
    if (count != null) {
      return; // the scan returns the counts' columns
    }
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
    if (table.options().isCatalog() || table.options().layout() == Layout.TABLE || count != null) {
      return false;
    }
    limit = limit < 0 ? n : Math.min(limit, n);
    return true;
  }

  /** Complete: the counts are exact, Spark need not aggregate them again. */
  @Override
  public boolean supportCompletePushDown(Aggregation aggregation) {
    return countOf(aggregation) != null;
  }

  @Override
  public boolean pushAggregation(Aggregation aggregation) {
    CountAggregate c = countOf(aggregation);
    if (c == null) {
      return false;
    }
    count = c;
    readSchema = c.schema();
    return true;
  }

  /**
   * The counts of {@code aggregation}, or null: they are exact only in the rows layout (one row per
   * index), when every predicate became exact index ranges and no limit applies to the rows.
   */
  private CountAggregate countOf(Aggregation aggregation) {
    if (table.options().isCatalog() || table.options().layout() != Layout.ROWS || !everyFilterPushed || limit >= 0) {
      return null;
    }
    return CountAggregate.of(aggregation, table.schema().merge(LindiSchemas.fileColumn(), true));
  }

  @Override
  public Scan build() {
    return new LindiScan(table, readSchema, selection, time, pushed, limit, count);
  }
}
