package org.lindi.spark.read;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.lindi.error.LindiFormatException;
import org.lindi.spark.types.ElementType;
import org.lindi.zarr.DType;

/**
 * The {@code time} values of a partition's rows on an executor: computed for a rate; for
 * timestamps, the partition's timestamps chunks are fetched and decoded once, on first use,
 * into one array of doubles (values as stored, widened).
 */
final class TimeColumn implements Closeable {
  private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class,
      ByteOrder.LITTLE_ENDIAN);

  private final TimeSource source;
  private final Configuration conf;
  private ChunkFetcher fetcher;
  private double[] stored;
  private long storedFrom;

  TimeColumn(TimeSource source, Configuration conf) {
    this.source = source;
    this.conf = conf;
  }

  /** Times of rows {@code [start, start + count)}, into {@code out} from 0. */
  void times(long start, int count, double[] out) {
    if (source.timestamps() == null) {
      for (int k = 0; k < count; k++) {
        out[k] = source.spec().timeAt(start + k);
      }
      return;
    }
    if (stored == null) {
      load();
    }
    int from = (int) (start - storedFrom);
    if (from < 0 || from + count > stored.length) {
      throw new IllegalStateException("rows [" + start + ", " + (start + count) + ") outside the timestamps read ["
          + storedFrom + ", " + (storedFrom + stored.length) + ")");
    }
    System.arraycopy(stored, from, out, 0, count);
  }

  private void load() {
    ArrayPartition p = source.timestamps();
    fetcher = new ChunkFetcher(p, conf);
    RowAssembler assembler = new RowAssembler(fetcher);
    ArraySpec spec = p.spec();
    DType dtype = spec.metadata().dtype();
    ElementType element = spec.element();
    storedFrom = p.firstRow();
    stored = new double[Math.toIntExact(p.endRow() - p.firstRow())];
    int at = 0;
    for (int r = 0; r < p.rowCount(); r++) {
      RowBlock b = assembler.assemble(r, p.row(r));
      for (int k = 0; k < b.rows; k++) {
        int offset = b.byteOf(k);
        stored[at++] = dtype.kind() == DType.Kind.FLOAT && dtype.itemSize() == 8
            ? (double) DOUBLE.get(b.bytes, offset) : asDouble(element.fromBytes(b.bytes, offset), spec);
      }
    }
  }

  private static double asDouble(Object v, ArraySpec spec) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof org.apache.spark.sql.types.Decimal) {
      return ((org.apache.spark.sql.types.Decimal) v).toDouble();
    }
    throw new LindiFormatException("timestamps value " + v + " is not a number", spec.context());
  }

  /** What reading timestamps did, as Spark task metrics (none for a rate). */
  CustomTaskMetric[] metrics() {
    return fetcher == null ? null : fetcher.metrics();
  }

  @Override
  public void close() throws IOException {
    if (fetcher != null) {
      fetcher.close();
    }
  }
}
