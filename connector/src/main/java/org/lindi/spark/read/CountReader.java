package org.lindi.spark.read;

import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;

/** The result rows of a pushed count: {@code _file} when grouped, then the count in each column. */
final class CountReader implements PartitionReader<InternalRow> {
  private final CountPartition partition;
  private int file = -1;
  private boolean done;
  private InternalRow current;

  CountReader(CountPartition partition) {
    this.partition = partition;
  }

  @Override
  public boolean next() {
    CountAggregate agg = partition.aggregate();
    if (!agg.byFile()) {
      if (done) {
        return false;
      }
      done = true;
      current = row(null, partition.total());
      return true;
    }
    do {
      file++;
    } while (file < partition.files() && partition.rows(file) == 0);
    if (file >= partition.files()) {
      return false;
    }
    current = row(UTF8String.fromString(partition.file(file)), partition.rows(file));
    return true;
  }

  private InternalRow row(UTF8String name, long count) {
    int k = partition.aggregate().counts();
    int off = name == null ? 0 : 1;
    Object[] out = new Object[off + k];
    if (name != null) {
      out[0] = name;
    }
    for (int i = 0; i < k; i++) {
      out[off + i] = count;
    }
    return new GenericInternalRow(out);
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() throws IOException {}
}
