package org.lindi.spark.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lindi.LindiFile;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.nwb.Column;
import org.lindi.nwb.DynamicTable;
import org.lindi.spark.LindiSchemas;
import org.lindi.spark.ReadOptions;
import org.lindi.spark.SourceFiles;

/**
 * Plans the {@code table} layout: for every file, its DynamicTable is checked against the schema
 * and the columns the scan needs are read on the driver (only those), one partition per file.
 */
public final class TablePlanner {
  private TablePlanner() {}

  /** The DynamicTable {@code dataset} of the file at {@code path}; errors name the file. */
  public static DynamicTable table(SourceFiles files, Path path, String dataset) {
    LindiFile f = files.open(path);
    try {
      return DynamicTable.of(f, dataset);
    } catch (LindiException e) {
      throw e.addContext(ErrorContext.ofFile(path.toString()));
    }
  }

  public static List<TablePartition> plan(SourceFiles files, ReadOptions options, StructType readSchema) {
    List<TablePartition> out = new ArrayList<>();
    StructType expected = null;
    String firstFile = null;
    for (Path path : files.paths()) {
      DynamicTable t = table(files, path, options.dataset());
      StructType schema = TableColumns.schema(t.columns());
      if (expected == null) {
        expected = schema;
        firstFile = path.toString();
      } else if (!sameColumns(expected, schema)) {
        throw new IllegalArgumentException("table /" + options.dataset() + " differs between " + firstFile + " and "
            + path + ": " + expected.simpleString() + " vs " + schema.simpleString());
      }
      out.add(read(path.toString(), t, readSchema));
    }
    return out;
  }

  private static boolean sameColumns(StructType a, StructType b) {
    if (a.fields().length != b.fields().length) {
      return false;
    }
    for (int i = 0; i < a.fields().length; i++) {
      if (!a.fields()[i].name().equals(b.fields()[i].name())
          || !a.fields()[i].dataType().sameType(b.fields()[i].dataType())) {
        return false;
      }
    }
    return true;
  }

  /** Every row of {@code t}, the values of the read schema's table columns in its order. */
  private static TablePartition read(String file, DynamicTable t, StructType readSchema) {
    if (t.rows() > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("/" + t.path() + " of " + file + " has " + t.rows()
          + " rows; the table layout reads at most 2^31 rows per file");
    }
    int rows = (int) t.rows();
    List<Column> columns = new ArrayList<>();
    for (StructField f : readSchema.fields()) {
      if (!f.name().equals(LindiSchemas.FILE)) {
        columns.add(t.column(f.name()));
      }
    }
    Object[][] values = new Object[rows][columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      Object[] read;
      try {
        read = t.readColumn(column, 0, rows);
      } catch (LindiException e) {
        throw e.addContext(ErrorContext.ofFile(file).withArray(column.dataPath()));
      }
      for (int r = 0; r < rows; r++) {
        values[r][c] = TableColumns.toSpark(column, read[r]);
      }
    }
    return new TablePartition(file, 0, values);
  }
}
