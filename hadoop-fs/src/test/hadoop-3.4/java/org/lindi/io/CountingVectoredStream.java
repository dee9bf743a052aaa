package org.lindi.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileRange;

/** A test stream that counts its vectored reads, then runs Hadoop's default implementation. */
abstract class CountingVectoredStream extends FSInputStream {
  /** Called once per vectored read. */
  abstract void countVectoredCall();

  @Override
  public void readVectored(List<? extends FileRange> ranges, IntFunction<ByteBuffer> allocate)
      throws IOException {
    countVectoredCall();
    super.readVectored(ranges, allocate);
  }
}
