package org.lindi.spark.read;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lindi.spark.LindiSchemas;

/**
 * A pushed aggregation that is only row counts, so the rows layout answers it from array shapes:
 * {@code COUNT(*)}, {@code COUNT(1)} or {@code COUNT(c)} of a non-nullable column, with no GROUP BY
 * or GROUP BY {@code _file}.
 */
public final class CountAggregate implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] names;
  private final boolean byFile;

  private CountAggregate(String[] names, boolean byFile) {
    this.names = names;
    this.byFile = byFile;
  }

  /**
   * The counts of {@code aggregation} over a scan of {@code columns} (the table's and {@code _file}),
   * or null when it is anything else: another function, DISTINCT, a nullable column, an expression,
   * another grouping.
   */
  public static CountAggregate of(Aggregation aggregation, StructType columns) {
    Expression[] groupBy = aggregation.groupByExpressions();
    boolean byFile = groupBy.length == 1 && LindiSchemas.FILE.equals(column(groupBy[0]));
    if (groupBy.length > 0 && !byFile) {
      return null;
    }
    AggregateFunc[] functions = aggregation.aggregateExpressions();
    if (functions.length == 0) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (AggregateFunc f : functions) {
      if (!(f instanceof CountStar) && !countsEveryRow(f, columns)) {
        return null;
      }
      names.add(f.toString());
    }
    return new CountAggregate(names.toArray(new String[0]), byFile);
  }

  /** COUNT(c) of a column that is never null counts every row. */
  private static boolean countsEveryRow(AggregateFunc f, StructType columns) {
    if (!(f instanceof Count) || ((Count) f).isDistinct()) {
      return false;
    }
    String name = column(((Count) f).column());
    if (name == null) {
      return false;
    }
    for (StructField field : columns.fields()) {
      if (field.name().equals(name)) {
        return !field.nullable();
      }
    }
    return false;
  }

  /** The top-level column {@code e} names, or null for anything else. */
  private static String column(Expression e) {
    if (!(e instanceof NamedReference)) {
      return null;
    }
    String[] parts = ((NamedReference) e).fieldNames();
    return parts.length == 1 ? parts[0] : null;
  }

  /** Whether there is one row per file (GROUP BY {@code _file}) rather than one in all. */
  public boolean byFile() {
    return byFile;
  }

  /** Number of count columns (each the same count: every one counts every row). */
  public int counts() {
    return names.length;
  }

  /** What the scan returns: {@code _file} when grouped, then one LONG per count. */
  public StructType schema() {
    StructType s = new StructType();
    if (byFile) {
      s = s.add(LindiSchemas.FILE, DataTypes.StringType, false);
    }
    for (String n : names) {
      s = s.add(n, DataTypes.LongType, false);
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountAggregate && ((CountAggregate) o).byFile == byFile
        && Arrays.equals(((CountAggregate) o).names, names);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Boolean.hashCode(byFile);
  }

  @Override
  public String toString() {
    return String.join(", ", names) + (byFile ? " GROUP BY " + LindiSchemas.FILE : "");
  }
}
