package org.lindi.io;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.StreamCapabilities;

/**
 * Hadoop 3.3.4 (Spark 3.5) has no vectored reads: a plain input stream that declares none. The
 * Hadoop 3.4 build runs each range of a vectored read on {@link #vectoredPool()}.
 */
abstract class PooledVectoredInputStream extends FSInputStream implements StreamCapabilities {
  /** The pool vectored reads would run on (unused before Hadoop 3.3.5). */
  abstract ExecutorService vectoredPool();

  /** Fails once the stream is closed. */
  abstract void checkOpen() throws IOException;

  /** What the stream reads, for messages. */
  abstract String source();

  @Override
  public boolean hasCapability(String capability) {
    return false;
  }
}
