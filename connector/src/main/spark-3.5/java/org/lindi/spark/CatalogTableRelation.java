package org.lindi.spark;

import java.util.Map;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.PrunedScan;
import org.apache.spark.sql.types.StructType;

/**
 * A catalog table on Spark 3.5: the V2 read of the table's options, with the columns the query
 * needs (so {@code count(*)} still reads no chunk). Spark applies the query's filters itself.
 */
final class CatalogTableRelation extends BaseRelation implements PrunedScan {
  private final SQLContext sqlContext;
  private final Dataset<Row> rows;

  CatalogTableRelation(SQLContext sqlContext, Map<String, String> options) {
    this.sqlContext = sqlContext;
    this.rows = sqlContext.sparkSession().read().format("lindi").options(options).load();
  }

  @Override
  public SQLContext sqlContext() {
    return sqlContext;
  }

  @Override
  public StructType schema() {
    return rows.schema();
  }

  @Override
  public RDD<Row> buildScan(String[] requiredColumns) {
    Column[] columns = new Column[requiredColumns.length];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = functions.col("`" + requiredColumns[i].replace("`", "``") + "`");
    }
    return rows.select(columns).rdd();
  }
}
