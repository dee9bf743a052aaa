package org.lindi.spark.read;

import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.lindi.spark.LindiSchemas;

/** The catalog rows of one file, in the columns the scan asks for. */
final class CatalogReader implements PartitionReader<InternalRow> {
  private final CatalogPartition partition;
  private final String[] names;
  private int next = -1;
  private InternalRow current;

  CatalogReader(CatalogPartition partition, StructType readSchema) {
    this.partition = partition;
    StructField[] fields = readSchema.fields();
    this.names = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      names[i] = fields[i].name();
    }
  }

  @Override
  public boolean next() {
    if (++next >= partition.size()) {
      return false;
    }
    CatalogEntry e = partition.entry(next);
    Object[] out = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = value(e, names[i]);
    }
    current = new GenericInternalRow(out);
    return true;
  }

  private Object value(CatalogEntry e, String column) {
    switch (column) {
      case LindiSchemas.PATH:
        return text(e.path);
      case LindiSchemas.KIND:
        return text(e.kind);
      case LindiSchemas.DTYPE:
        return text(e.dtype);
      case LindiSchemas.SHAPE:
        return e.shape == null ? null : UnsafeArrayData.fromPrimitiveArray(e.shape);
      case LindiSchemas.CHUNKS:
        return e.chunks == null ? null : UnsafeArrayData.fromPrimitiveArray(e.chunks);
      case LindiSchemas.COMPRESSOR:
        return text(e.compressor);
      case LindiSchemas.FILTERS:
        return text(e.filters);
      case LindiSchemas.ATTRIBUTES:
        return text(e.attributes);
      case LindiSchemas.TARGET:
        return text(e.target);
      case LindiSchemas.NUM_CHUNKS:
        return e.numChunks;
      case LindiSchemas.STORED_BYTES:
        return e.storedBytes;
      case LindiSchemas.FILE:
        return text(partition.file());
      default:
        throw new IllegalArgumentException("no column '" + column + "' in the lindi catalog");
    }
  }

  private static UTF8String text(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() throws IOException {}
}
