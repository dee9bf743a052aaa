package org.lindi.spark.read;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lindi.spark.LindiSchemas;

/** Which columns of an array layout a scan must produce, by position in its read schema. */
final class ArrayColumns {
  /** What a read-schema column holds. */
  enum Role {
    INDEX, TIME, VALUE, CHUNK, START, SHAPE, FILE
  }

  final Role[] roles;

  ArrayColumns(StructType readSchema) {
    StructField[] fields = readSchema.fields();
    roles = new Role[fields.length];
    for (int i = 0; i < fields.length; i++) {
      roles[i] = role(fields[i].name());
    }
  }

  private static Role role(String name) {
    switch (name) {
      case LindiSchemas.INDEX:
        return Role.INDEX;
      case LindiSchemas.TIME:
        return Role.TIME;
      case LindiSchemas.VALUE:
        return Role.VALUE;
      case LindiSchemas.CHUNK:
        return Role.CHUNK;
      case LindiSchemas.START:
        return Role.START;
      case LindiSchemas.SHAPE:
        return Role.SHAPE;
      case LindiSchemas.FILE:
        return Role.FILE;
      default:
        throw new IllegalArgumentException("no column '" + name + "' in a lindi array read");
    }
  }

  /** True when the chunks must be decoded (the value column is read). */
  boolean needsValues() {
    for (Role r : roles) {
      if (r == Role.VALUE) {
        return true;
      }
    }
    return false;
  }

  /** True when the {@code time} column is read. */
  boolean needsTime() {
    for (Role r : roles) {
      if (r == Role.TIME) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return roles.length;
  }
}
