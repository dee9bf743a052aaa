package org.lindi.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileRange;

/**
 * Hadoop's vectored reads (Hadoop 3.3.5 and later, the client Spark 4 ships): every range of a file
 * in one call the stream may run in parallel. The Hadoop 3.3.4 build (Spark 3.5) has a stand-in.
 */
final class VectoredReads {
  /** The stream capability of vectored reads, {@code StreamCapabilities.VECTOREDIO}. */
  static final String CAPABILITY = "in:readvectored";

  private VectoredReads() {}

  /** Whether the Hadoop client has vectored reads. */
  static boolean available() {
    return true;
  }

  /** Starts reading {@code [offsets[k], offsets[k] + lengths[k])}; the k-th future holds range k. */
  static List<CompletableFuture<ByteBuffer>> start(FSDataInputStream in, long[] offsets,
      int[] lengths, IntFunction<ByteBuffer> allocate) throws IOException {
    List<FileRange> ranges = new ArrayList<>(offsets.length);
    for (int k = 0; k < offsets.length; k++) {
      ranges.add(FileRange.createFileRange(offsets[k], lengths[k]));
    }
    in.readVectored(ranges, allocate);
    List<CompletableFuture<ByteBuffer>> data = new ArrayList<>(ranges.size());
    for (FileRange r : ranges) {
      data.add(r.getData());
    }
    return data;
  }
}
