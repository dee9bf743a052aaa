package org.lindi.spark.read;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * Steps through a partition's selected positions along axis 0, one at a time, for the row readers
 * of the {@code rows} layout: per run of selected rows it computes their times (when the {@code time}
 * column is read) and assembles the row of chunks that holds them (when {@code value} is read).
 */
final class RowCursor implements Closeable {
  private static final int RUN_ROWS = Integer.MAX_VALUE;

  private final ArrayPartition partition;
  private final Configuration conf;
  private final boolean needsValues;
  private final RowSelection selection;
  private final TimeColumn time;
  private double[] times = new double[0];
  private long runStart;
  private ChunkFetcher fetcher;
  private RowAssembler assembler;
  private RowBlock block;
  private int blockRow = -1;
  private long next;
  private long end;
  private long index;

  RowCursor(ArrayPartition partition, Configuration conf, ArrayColumns columns) {
    this.partition = partition;
    this.conf = conf;
    this.needsValues = columns.needsValues();
    this.selection = new RowSelection(partition);
    this.time = columns.needsTime() ? new TimeColumn(requireTime(partition), conf) : null;
  }

  static TimeSource requireTime(ArrayPartition partition) {
    if (partition.time() == null) {
      throw new IllegalStateException("the time column is read but " + partition + " has no time source");
    }
    return partition.time();
  }

  /** Moves to the next selected position; false when the partition has no more. */
  boolean advance() throws IOException {
    if (next >= end) {
      if (!selection.advance(RUN_ROWS)) {
        return false;
      }
      next = selection.start();
      end = next + selection.count();
      runStart = next;
      if (time != null) {
        if (times.length < selection.count()) {
          times = new double[selection.count()];
        }
        time.times(runStart, selection.count(), times);
      }
      if (needsValues && blockRow != selection.rowOfChunks()) {
        if (fetcher == null) {
          fetcher = new ChunkFetcher(partition, conf);
          assembler = new RowAssembler(fetcher);
        }
        blockRow = selection.rowOfChunks();
        block = assembler.assemble(blockRow, partition.row(blockRow));
      }
    }
    index = next++;
    return true;
  }

  /** The current position along axis 0. */
  long index() {
    return index;
  }

  /** The time of the current position (only when the {@code time} column is read). */
  double time() {
    return times[(int) (index - runStart)];
  }

  /** The decoded row of chunks holding the current position (only when {@code value} is read). */
  RowBlock block() {
    return block;
  }

  CustomTaskMetric[] metrics() {
    CustomTaskMetric[] data = fetcher == null ? ReadMetrics.none() : fetcher.metrics();
    return time == null ? data : ReadMetrics.sum(data, time.metrics());
  }

  @Override
  public void close() throws IOException {
    if (fetcher != null) {
      fetcher.close();
    }
    if (time != null) {
      time.close();
    }
  }
}
