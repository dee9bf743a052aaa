package org.lindi.spark;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.lindi.spark.write.DeferredTable;
import org.lindi.spark.write.LindiWriteJob;

/**
 * {@code spark.read().format("lindi")}: LINDI files as a Spark DataSource V2 table with an inferred
 * schema (SPEC section 6). Spark asks one instance for the schema and then for the table, so the
 * files opened to infer the schema are kept for planning. ({@link CatalogTableSource} adds what the
 * Spark version needs for catalog tables.)
 */
public final class LindiDataSource extends CatalogTableSource
    implements TableProvider, DataSourceRegister, CreatableRelationProvider {
  private ReadOptions lastOptions;
  private LindiTable lastTable;

  @Override
  public String shortName() {
    return "lindi";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return table(options.asCaseSensitiveMap()).schema();
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    // DataFrameWriter.save asks for the table before it falls back to createRelation below, when
    // the file or dataset may not exist yet: open it on first use.
    return new DeferredTable(() -> checkedTable(schema, properties));
  }

  private LindiTable checkedTable(StructType schema, Map<String, String> properties) {
    LindiTable t = table(properties);
    if (schema != null && schema.nonEmpty() && !compatible(schema, t.schema())) {
      throw new IllegalArgumentException("lindi infers its schema " + t.schema().simpleString()
          + " and cannot read " + t.name() + " as " + schema.simpleString());
    }
    return t;
  }

  /** A user or catalog schema is accepted when it is the inferred one (nullability and metadata aside). */
  private static boolean compatible(StructType given, StructType inferred) {
    if (given.fields().length != inferred.fields().length) {
      return false;
    }
    for (int i = 0; i < given.fields().length; i++) {
      StructField a = given.fields()[i];
      StructField b = inferred.fields()[i];
      if (!a.name().equalsIgnoreCase(b.name()) || !a.dataType().sameType(b.dataType())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean supportsExternalMetadata() {
    return true; // tables created with CREATE TABLE ... USING lindi come back with their stored schema
  }

  /**
   * {@code df.write().format("lindi").mode(m).save(path)} (SPEC 7), through the V1 interface: Spark
   * refuses ErrorIfExists and Ignore for a V2 table that supports BATCH_WRITE, so the table does not.
   */
  @Override
  public BaseRelation createRelation(SQLContext sqlContext, SaveMode mode,
      scala.collection.immutable.Map<String, String> parameters, Dataset<Row> data) {
    LindiWriteJob.run(sqlContext.sparkSession(), mode,
        scala.jdk.javaapi.CollectionConverters.asJava(parameters), data);
    return LindiWriteJob.relation(sqlContext, data.schema());
  }

  private synchronized LindiTable table(Map<String, String> properties) {
    ReadOptions options = ReadOptions.parse(properties);
    if (lastTable == null || !options.equals(lastOptions)) {
      lastTable = LindiTable.open(SparkSession.active(), options);
      lastOptions = options;
    }
    return lastTable;
  }
}
