package org.lindi.spark.read;

import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.lindi.spark.LindiSchemas;

/** The rows of a {@link TablePartition}, with {@code _file} where the scan asks for it. */
final class TableReader implements PartitionReader<InternalRow> {
  private final TablePartition partition;
  private final boolean[] isFile;
  private final UTF8String file;
  private int next = -1;
  private InternalRow current;

  TableReader(TablePartition partition, StructType readSchema) {
    this.partition = partition;
    StructField[] fields = readSchema.fields();
    this.isFile = new boolean[fields.length];
    for (int i = 0; i < fields.length; i++) {
      isFile[i] = fields[i].name().equals(LindiSchemas.FILE);
    }
    this.file = UTF8String.fromString(partition.file());
  }

  @Override
  public boolean next() {
    if (++next >= partition.size()) {
      return false;
    }
    Object[] values = partition.row(next);
    Object[] out = new Object[isFile.length];
    int v = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = isFile[i] ? file : values[v++];
    }
    current = new GenericInternalRow(out);
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() throws IOException {}
}
