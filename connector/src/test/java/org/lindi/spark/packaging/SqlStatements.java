package org.lindi.spark.packaging;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A spark-submit application that runs its arguments as SQL statements and prints every result row
 * as {@code ROW <values separated by |>}. Uses Spark only: the connector comes from spark-submit's
 * jars option.
 */
public final class SqlStatements {
  private SqlStatements() {}

  public static void main(String[] statements) {
    SparkSession spark = SparkSession.builder().getOrCreate();
    try {
      for (String sql : statements) {
        List<Row> rows = spark.sql(sql).collectAsList();
        for (Row row : rows) {
          StringBuilder line = new StringBuilder("ROW ");
          for (int i = 0; i < row.length(); i++) {
            line.append(i == 0 ? "" : "|").append(row.get(i));
          }
          System.out.println(line);
        }
      }
    } finally {
      spark.stop();
    }
  }
}
