package org.lindi.spark;

import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.RelationProvider;

/**
 * Spark 3.5 reads catalog tables ({@code CREATE TABLE ... USING lindi}) only through the V1
 * RelationProvider interface: the table's rows come from the V2 read of the same options. Spark 4
 * reads them through the TableProvider and has an empty class here.
 */
abstract class CatalogTableSource implements RelationProvider {
  @Override
  public BaseRelation createRelation(SQLContext sqlContext,
      scala.collection.immutable.Map<String, String> parameters) {
    return new CatalogTableRelation(sqlContext,
        scala.jdk.javaapi.CollectionConverters.asJava(parameters));
  }
}
