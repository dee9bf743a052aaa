package org.lindi.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Hadoop 3.3.4 (the client Spark 3.5 ships) has no vectored reads: ranges are read one positioned
 * read at a time. The Hadoop 3.4 build has the real one.
 */
final class VectoredReads {
  /** The stream capability of vectored reads in later Hadoop versions. */
  static final String CAPABILITY = "in:readvectored";

  private VectoredReads() {}

  /** Whether the Hadoop client has vectored reads: not before 3.3.5. */
  static boolean available() {
    return false;
  }

  /** Never called: {@link #available()} is false. Same signature as the Hadoop 3.4 one. */
  static List<CompletableFuture<ByteBuffer>> start(FSDataInputStream in, long[] offsets,
      int[] lengths, IntFunction<ByteBuffer> allocate) throws IOException {
    throw new UnsupportedOperationException("Hadoop " + org.apache.hadoop.util.VersionInfo.getVersion()
        + " has no vectored reads (3.3.5 and later have)");
  }
}
