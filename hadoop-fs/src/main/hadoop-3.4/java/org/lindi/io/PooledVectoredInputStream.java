package org.lindi.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileRange;
import org.apache.hadoop.fs.StreamCapabilities;

/**
 * An input stream whose vectored reads (Hadoop 3.3.5 and later) run each range as its own positioned
 * read, all at once on a pool. The Hadoop 3.3.4 build (Spark 3.5) has a stand-in without them.
 */
abstract class PooledVectoredInputStream extends FSInputStream implements StreamCapabilities {
  /** The pool vectored reads run on. */
  abstract ExecutorService vectoredPool();

  /** Fails once the stream is closed. */
  abstract void checkOpen() throws IOException;

  /** What the stream reads, for messages. */
  abstract String source();

  /** Each range is its own positioned read, all running at once on {@link #vectoredPool()}. */
  @Override
  public void readVectored(List<? extends FileRange> ranges, IntFunction<ByteBuffer> allocate)
      throws IOException {
    checkOpen();
    ExecutorService pool = vectoredPool();
    for (FileRange range : ranges) {
      if (range.getOffset() < 0 || range.getLength() < 0) {
        throw new IllegalArgumentException("invalid range " + range + " of " + source());
      }
      CompletableFuture<ByteBuffer> result = new CompletableFuture<>();
      range.setData(result);
      try {
        pool.execute(() -> fill(range, allocate, result));
      } catch (RejectedExecutionException e) {
        result.completeExceptionally(new IOException("filesystem closed while reading " + source(), e));
      }
    }
  }

  private void fill(FileRange range, IntFunction<ByteBuffer> allocate,
      CompletableFuture<ByteBuffer> result) {
    try {
      int len = range.getLength();
      ByteBuffer bb = allocate.apply(len);
      if (bb.hasArray()) {
        readFully(range.getOffset(), bb.array(), bb.arrayOffset() + bb.position(), len);
        bb.limit(bb.position() + len);
      } else {
        byte[] tmp = new byte[len];
        readFully(range.getOffset(), tmp, 0, len);
        int start = bb.position();
        bb.put(tmp);
        bb.position(start);
        bb.limit(start + len);
      }
      result.complete(bb);
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  @Override
  public boolean hasCapability(String capability) {
    return VectoredReads.CAPABILITY.equalsIgnoreCase(capability);
  }
}
