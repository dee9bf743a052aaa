package org.lindi.spark.read;

import java.util.Arrays;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * Rows of one NWB DynamicTable of one file, read on the driver when the scan is planned (a table is
 * small next to the arrays it describes): the Spark values of the columns the scan needs.
 */
public final class TablePartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long firstRow;
  private final Object[][] rows;

  /** {@code rows[r][c]}: the Spark value of column {@code c} of the read schema at row {@code firstRow + r}. */
  public TablePartition(String file, long firstRow, Object[][] rows) {
    this.file = file;
    this.firstRow = firstRow;
    this.rows = rows;
  }

  public String file() {
    return file;
  }

  public long firstRow() {
    return firstRow;
  }

  /** Number of rows. */
  public int size() {
    return rows.length;
  }

  /** The values of row {@code r} (not a copy). */
  Object[] row(int r) {
    return rows[r];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TablePartition && ((TablePartition) o).file.equals(file)
        && ((TablePartition) o).firstRow == firstRow && Arrays.deepEquals(((TablePartition) o).rows, rows);
  }

  @Override
  public int hashCode() {
    return file.hashCode() * 31 + Long.hashCode(firstRow);
  }

  @Override
  public String toString() {
    return "TablePartition[" + file + " rows " + firstRow + ".." + (firstRow + rows.length) + "]";
  }
}
