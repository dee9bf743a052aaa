package org.lindi.spark.read;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.lindi.chunk.ChunkDecoder;
import org.lindi.chunk.DecodedChunk;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.error.LindiException;

/**
 * Reads the chunks of one partition on an executor: stored bytes through a {@link WindowReader},
 * decoded chunk by chunk with one reusable {@link DecodeContext} (taken from and given back to
 * {@link ExecutorBuffers}); counts what it did for the Spark
 * UI. Errors name the file, the array, the chunk key and the byte range.
 */
final class ChunkFetcher implements Closeable {
  private final ArraySpec spec;
  private final ChunkDecoder decoder;
  private final DecodeContext ctx = ExecutorBuffers.decodeContext();
  private boolean closed;
  private final WindowReader windows;
  private long chunksRead;
  private long bytesDecoded;
  private long decodeNanos;

  ChunkFetcher(ArrayPartition partition, Configuration conf) {
    this.spec = partition.spec();
    try {
      this.decoder = spec.newDecoder();
    } catch (LindiException e) {
      throw e.addContext(spec.context());
    }
    this.windows = new WindowReader(partition, conf);
  }

  ArraySpec spec() {
    return spec;
  }

  ChunkDecoder decoder() {
    return decoder;
  }

  /** The stored bytes of every chunk of row {@code r} of the partition (null for missing chunks). */
  ByteSlice[] stored(int r) {
    return windows.stored(r);
  }

  /**
   * Decodes chunk {@code task} from {@code stored} (null: fill value). The result's bytes are valid
   * until the next call.
   */
  DecodedChunk decode(ChunkTask task, ByteSlice stored) {
    long start = System.nanoTime();
    try {
      DecodedChunk chunk = stored == null ? decoder.fill(task.coordsRef(), ctx)
          : decoder.decode(task.coordsRef(), stored, ctx);
      chunksRead++;
      bytesDecoded += chunk.bytes() != null ? chunk.bytes().length() : (long) chunk.objects().length * 8;
      return chunk;
    } catch (LindiException e) {
      throw e.addContext(task.context(spec));
    } finally {
      decodeNanos += System.nanoTime() - start;
    }
  }

  /** What this reader did so far, as Spark task metrics. */
  CustomTaskMetric[] metrics() {
    return new CustomTaskMetric[] {
        ReadMetrics.value(ReadMetrics.CHUNKS_READ, chunksRead),
        ReadMetrics.value(ReadMetrics.BYTES_FETCHED, windows.statistics().bytesFetched()),
        ReadMetrics.value(ReadMetrics.BYTES_DECODED, bytesDecoded),
        ReadMetrics.value(ReadMetrics.FETCH_TIME, windows.statistics().fetchNanos() / 1_000_000),
        ReadMetrics.value(ReadMetrics.DECODE_TIME, decodeNanos / 1_000_000)};
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      ExecutorBuffers.giveBack(ctx);
    }
    windows.close();
  }
}
