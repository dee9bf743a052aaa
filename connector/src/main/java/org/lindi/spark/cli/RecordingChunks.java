package org.lindi.spark.cli;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The rows of chunks of a 2-D int16 array (samples x channels), read once through the connector's
 * {@code chunks} layout and kept in memory for the demo's passes (noise, crossings, LFP): one
 * fetch and decode instead of three. Partitions that do not fit are read again when needed.
 */
final class RecordingChunks {
  private final JavaRDD<ChunkBlock> blocks;

  private RecordingChunks(JavaRDD<ChunkBlock> blocks) {
    this.blocks = blocks;
  }

  static RecordingChunks read(SparkSession spark, String file, String dataset, int channels) {
    JavaRDD<ChunkBlock> blocks = spark.read().format("lindi").option("dataset", dataset).option("layout", "chunks")
        .load(file).select("start", "shape", "value").queryExecution().toRdd().toJavaRDD()
        .map(row -> ChunkBlock.of(row, channels));
    return new RecordingChunks(blocks.persist(StorageLevel.MEMORY_ONLY()));
  }

  JavaRDD<ChunkBlock> blocks() {
    return blocks;
  }

  void release() {
    blocks.unpersist(false);
  }
}
