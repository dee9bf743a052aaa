package org.lindi.spark.write;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.SerializableConfiguration;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.write.ChunkEncoder;
import org.lindi.write.WriteOptions;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Order;

/**
 * {@code df.write().format("lindi").mode(m).save(path)} from start to end (SPEC 7): checks the
 * input and the target, surveys the rows (count, index range, row shape), plans the array, runs
 * one Spark job whose tasks encode whole rows of chunks into staging files beside the target, then
 * commits on the driver and deletes the staging folder whatever happened. The input is evaluated
 * twice (survey and encode), as a DataFrame source of a two-pass write must be.
 */
public final class LindiWriteJob {
  private final SparkSession spark;
  private final SaveMode mode;
  private final SaveOptions options;
  private final Dataset<Row> data;

  private LindiWriteJob(SparkSession spark, SaveMode mode, SaveOptions options, Dataset<Row> data) {
    this.spark = spark;
    this.mode = mode;
    this.options = options;
    this.data = data;
  }

  /** Writes {@code data} as SPEC 7 says; returns false when SaveMode.Ignore found the dataset. */
  public static boolean run(SparkSession spark, SaveMode mode, Map<String, String> options,
      Dataset<Row> data) {
    try {
      return new LindiWriteJob(spark, mode, SaveOptions.parse(options), data).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The relation {@code createRelation} returns: the schema of the rows written. */
  public static org.apache.spark.sql.sources.BaseRelation relation(
      org.apache.spark.sql.SQLContext sqlContext, org.apache.spark.sql.types.StructType schema) {
    return new WrittenRelation(sqlContext, schema);
  }

  private boolean run() throws IOException {
    InputSchema input = InputSchema.of(data.schema());
    Configuration conf = spark.sessionState().newHadoopConf();
    options.hadoopOptions().forEach(conf::set);
    Path given = new Path(options.path());
    FileSystem fs = given.getFileSystem(conf);
    Path target = fs.makeQualified(given);
    String ds = options.dataset();
    ErrorContext where = ErrorContext.ofFile(target.toString()).withArray(ds);

    TargetState state = TargetState.inspect(target, conf, ds);
    if (state.datasetExists()) {
      if (mode == SaveMode.ErrorIfExists) {
        throw new DatasetExistsException("/" + ds + " already exists (SaveMode.ErrorIfExists); use"
            + " mode append or overwrite", where);
      }
      if (mode == SaveMode.Ignore) {
        return false;
      }
      boolean replaceable = state.kind() == TargetState.Kind.ARRAY
          || state.kind() == TargetState.Kind.EXTERNAL_ARRAY && mode == SaveMode.Overwrite;
      if (!replaceable) {
        throw new LindiException("/" + ds + " is " + state.what() + ": a write replaces or extends"
            + " an array stored in the file only", where);
      }
    }
    ArrayMetadata before = mode == SaveMode.Append ? state.array() : null;
    DType dtype = before != null ? before.dtype() : ElementWriter.dtypeFor(input.element());
    ElementWriter writer = ElementWriter.of(dtype);
    if (before != null && before.rank() != input.rank()) {
      throw new LindiException("cannot append rows of rank " + input.rank() + " to an array of shape "
          + Arrays.toString(before.shape()), where);
    }
    Dataset<Row> prepared = data.select(
        col(InputSchema.INDEX).cast(DataTypes.LongType).as(InputSchema.INDEX),
        col(InputSchema.VALUE).cast(input.valueType(writer.sparkType())).as(InputSchema.VALUE));

    InputStats stats = prepared.queryExecution().toRdd().toJavaRDD()
        .mapPartitions(new EncodeTask.Survey(input.rank()))
        .fold(InputStats.EMPTY, InputStats::merge);
    long[] inner = innerShape(input, stats, before, where);
    RowLayout layout = new RowLayout(writer, inner);
    ArrayMetadata meta = before != null ? extended(before, stats) : created(dtype, layout, stats);
    try {
      new ChunkEncoder(meta, WriteOptions.defaults().codecs()); // an unknown codec fails before the job
    } catch (LindiException e) {
      throw e.addContext(where);
    }

    Path staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + UUID.randomUUID());
    WritePlan plan = new WritePlan(target.toString(), staging.toString(), ds, meta, layout,
        before == null ? 0 : before.shape()[0]);
    FileSystem stagingFs = staging.getFileSystem(conf);
    boolean written;
    try {
      List<StagedChunk> staged = List.of();
      if (stats.rows() > 0) {
        stagingFs.mkdirs(staging);
        staged = encode(prepared, plan, stats, conf);
      }
      written = new LindiCommitter(target, conf, plan, options.attributes()).commit(mode, before, staged);
    } catch (Throwable e) { // SparkException is checked, and Scala throws it undeclared
      try {
        deleteStaging(stagingFs, staging);
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    deleteStaging(stagingFs, staging);
    return written;
  }

  /** Deletes the staging folder; a task of a failed job may still be closing a file in it, so retries briefly. */
  private static void deleteStaging(FileSystem fs, Path staging) throws IOException {
    for (int attempt = 1; !fs.delete(staging, true) && fs.exists(staging); attempt++) {
      if (attempt == 5) {
        throw new IOException("could not delete the staging folder " + staging);
      }
      try {
        Thread.sleep(200L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted deleting " + staging);
      }
    }
  }

  private List<StagedChunk> encode(Dataset<Row> prepared, WritePlan plan, InputStats stats,
      Configuration conf) {
    int c0 = plan.metadata().chunks()[0];
    long chunkRows = stats.maxIndex() / c0 - stats.minIndex() / c0 + 1;
    int partitions = (int) Math.max(1, Math.min(chunkRows,
        spark.sessionState().conf().numShufflePartitions()));
    // Every row of a chunk row goes to one task, sorted, so no chunk is written by two tasks.
    Dataset<Row> clustered = prepared
        .repartition(partitions, expr(InputSchema.INDEX + " div " + c0))
        .sortWithinPartitions(InputSchema.INDEX);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> shared = jsc.broadcast(new SerializableConfiguration(conf));
    try {
      JavaRDD<InternalRow> rows = clustered.queryExecution().toRdd().toJavaRDD();
      return rows.mapPartitionsWithIndex(new EncodeTask(plan, shared), false).collect();
    } finally {
      shared.destroy();
    }
  }

  private static long[] innerShape(InputSchema input, InputStats stats, ArrayMetadata before,
      ErrorContext where) {
    if (before != null) {
      long[] inner = Arrays.copyOfRange(before.shape(), 1, before.rank());
      if (stats.rows() > 0 && !Arrays.equals(inner, stats.inner())) {
        throw new LindiException("cannot append rows of shape " + Arrays.toString(stats.inner())
            + " to an array of shape " + Arrays.toString(before.shape()), where);
      }
      return inner;
    }
    if (stats.rows() == 0 && input.rank() > 1) {
      throw new LindiException("cannot create a " + input.rank() + "-D array from no rows: the"
          + " length of its inner axes is unknown", where);
    }
    return stats.rows() == 0 ? new long[0] : stats.inner();
  }

  private static ArrayMetadata extended(ArrayMetadata before, InputStats stats) {
    long[] shape = before.shape();
    if (stats.rows() > 0) {
      shape[0] = Math.max(shape[0], stats.maxIndex() + 1);
    }
    return ArrayMetadata.of(shape, before.chunks(), before.dtype(), before.order(),
        before.fillValueJson(), before.compressor(), before.filters(), before.dimensionSeparator());
  }

  private ArrayMetadata created(DType dtype, RowLayout layout, InputStats stats) {
    long[] inner = layout.inner();
    int rank = inner.length + 1;
    long[] shape = new long[rank];
    shape[0] = stats.rows() == 0 ? 0 : stats.maxIndex() + 1;
    System.arraycopy(inner, 0, shape, 1, inner.length);
    int[] chunks = new int[rank];
    long[] given = options.chunks();
    long rowBytes = Math.max(1, layout.rowBytes());
    if (given == null) {
      chunks[0] = (int) Math.max(1, Math.min(SaveOptions.DEFAULT_CHUNK_BYTES / rowBytes, Integer.MAX_VALUE));
    } else if (given.length == 1 || given.length == rank) {
      chunks[0] = (int) given[0];
    } else {
      throw new IllegalArgumentException("option chunks has " + given.length + " lengths for an array"
          + " of rank " + rank + ": give one (axis 0) or " + rank);
    }
    for (int k = 1; k < rank; k++) {
      chunks[k] = (int) Math.max(1, given != null && given.length == rank ? given[k] : inner[k - 1]);
    }
    JsonNode fill = options.fillValue();
    if (fill == null) {
      fill = dtype.kind() == DType.Kind.BOOL ? BooleanNode.FALSE : IntNode.valueOf(0);
    }
    return ArrayMetadata.of(shape, chunks, dtype, Order.C, fill, options.compressor(),
        options.filters(), '.');
  }

  @Override
  public String toString() {
    return "LindiWriteJob{" + mode + ", " + options + "}";
  }
}
