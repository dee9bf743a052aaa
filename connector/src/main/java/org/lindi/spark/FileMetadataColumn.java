package org.lindi.spark;

import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The hidden {@code _file} column: the lindi file each row comes from (select it by name). */
final class FileMetadataColumn implements MetadataColumn {
  static final FileMetadataColumn INSTANCE = new FileMetadataColumn();

  private FileMetadataColumn() {}

  @Override
  public String name() {
    return LindiSchemas.FILE;
  }

  @Override
  public DataType dataType() {
    return DataTypes.StringType;
  }

  @Override
  public boolean isNullable() {
    return false;
  }

  @Override
  public String comment() {
    return "the lindi file this row comes from";
  }
}
