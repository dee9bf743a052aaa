package org.lindi.spark.write;

import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.types.StructType;

/** What {@code createRelation} returns after a write: the schema of the rows written. */
final class WrittenRelation extends BaseRelation {
  private final SQLContext sqlContext;
  private final StructType schema;

  WrittenRelation(SQLContext sqlContext, StructType schema) {
    this.sqlContext = sqlContext;
    this.schema = schema;
  }

  @Override
  public SQLContext sqlContext() {
    return sqlContext;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public String toString() {
    return "WrittenRelation" + schema.simpleString();
  }
}
