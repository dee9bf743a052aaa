package org.lindi.spark.write;

import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The function each write task runs: its rows into {@code part-<partition>-<attempt>} in the
 * staging folder. Each attempt has its own file, so a retried or speculative task never writes
 * into bytes another attempt reported.
 */
final class EncodeTask implements Function2<Integer, Iterator<InternalRow>, Iterator<StagedChunk>> {
  private static final long serialVersionUID = 1L;

  private final WritePlan plan;
  private final Broadcast<SerializableConfiguration> conf;

  EncodeTask(WritePlan plan, Broadcast<SerializableConfiguration> conf) {
    this.plan = plan;
    this.conf = conf;
  }

  @Override
  public Iterator<StagedChunk> call(Integer partition, Iterator<InternalRow> rows) throws Exception {
    TaskContext task = TaskContext.get();
    long attempt = task == null ? 0 : task.taskAttemptId();
    Path staging = new Path(plan.staging());
    Configuration c = conf.value().value();
    FileSystem fs = staging.getFileSystem(c);
    Path file = new Path(staging, String.format("part-%05d-%d", partition, attempt));
    List<StagedChunk> staged = new PartitionEncoder(plan, fs, file).encode(rows);
    return staged.iterator();
  }

  /** The first pass: each partition's {@link InputStats}. */
  static final class Survey implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<InternalRow>, InputStats> {
    private static final long serialVersionUID = 1L;
    private final int rank;

    Survey(int rank) {
      this.rank = rank;
    }

    @Override
    public Iterator<InputStats> call(Iterator<InternalRow> rows) {
      return List.of(InputStats.of(rows, rank)).iterator();
    }
  }
}
