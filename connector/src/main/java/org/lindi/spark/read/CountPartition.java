package org.lindi.spark.read;

import java.util.Arrays;
import org.apache.spark.sql.connector.read.InputPartition;

/** The rows a pushed {@link CountAggregate} returns, computed on the driver from the files' shapes. */
public final class CountPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  private final CountAggregate aggregate;
  private final String[] files;
  private final long[] rows;

  /** {@code rows[i]}: the rows the scan selects in {@code files[i]}. */
  public CountPartition(CountAggregate aggregate, String[] files, long[] rows) {
    if (files.length != rows.length) {
      throw new IllegalArgumentException(files.length + " files but " + rows.length + " row counts");
    }
    this.aggregate = aggregate;
    this.files = files.clone();
    this.rows = rows.clone();
  }

  public CountAggregate aggregate() {
    return aggregate;
  }

  public int files() {
    return files.length;
  }

  public String file(int i) {
    return files[i];
  }

  /** Selected rows of file {@code i}. */
  public long rows(int i) {
    return rows[i];
  }

  /** Selected rows of all files. */
  public long total() {
    long n = 0;
    for (long r : rows) {
      n = Math.addExact(n, r);
    }
    return n;
  }

  /**
   * Rows of the aggregate's result: one per file that has selected rows when grouped by file (GROUP BY
   * yields no group for no row), else exactly one.
   */
  public int size() {
    if (!aggregate.byFile()) {
      return 1;
    }
    int n = 0;
    for (long r : rows) {
      n += r > 0 ? 1 : 0;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CountPartition)) {
      return false;
    }
    CountPartition p = (CountPartition) o;
    return p.aggregate.equals(aggregate) && Arrays.equals(p.files, files) && Arrays.equals(p.rows, rows);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(files) + Arrays.hashCode(rows);
  }

  @Override
  public String toString() {
    return "CountPartition[" + aggregate + " over " + files.length + " files: " + total() + " rows]";
  }
}
