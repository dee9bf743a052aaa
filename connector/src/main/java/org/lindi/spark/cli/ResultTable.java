package org.lindi.spark.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Prints the first rows of a Dataset as Spark's {@code show(n, false)} does (every value cast to a
 * string by Spark, so arrays and structs look the same, nothing truncated), to any stream.
 */
final class ResultTable {
  private ResultTable() {}

  /** Prints up to {@code limit} rows; returns the number printed. */
  static int print(Dataset<Row> df, int limit, PrintStream out) {
    String[] names = df.columns();
    String[] aliases = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      aliases[i] = "c" + i; // positional names: duplicate or odd column names stay unambiguous
    }
    Dataset<Row> renamed = df.toDF(aliases);
    Column[] cast = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      cast[i] = functions.col(aliases[i]).cast("string");
    }
    List<Row> rows = renamed.select(cast).limit(limit + 1).collectAsList();
    boolean more = rows.size() > limit;
    List<String[]> cells = new ArrayList<>();
    for (int r = 0; r < Math.min(limit, rows.size()); r++) {
      String[] line = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        Object v = rows.get(r).get(i);
        line[i] = v == null ? "NULL" : v.toString();
      }
      cells.add(line);
    }
    out.print(format(names, cells));
    if (more) {
      out.println("only showing top " + limit + " row" + (limit == 1 ? "" : "s"));
    }
    return cells.size();
  }

  static String format(String[] header, List<String[]> rows) {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = Math.max(3, header[i].length());
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : width) {
      rule.append("-".repeat(w)).append('+');
    }
    StringBuilder sb = new StringBuilder();
    sb.append(rule).append('\n').append(line(header, width)).append(rule).append('\n');
    for (String[] r : rows) {
      sb.append(line(r, width));
    }
    return sb.append(rule).append('\n').toString();
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      sb.append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append('|');
    }
    return sb.append('\n').toString();
  }
}
