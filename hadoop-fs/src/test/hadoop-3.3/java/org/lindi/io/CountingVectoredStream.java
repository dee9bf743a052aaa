package org.lindi.io;

import org.apache.hadoop.fs.FSInputStream;

/** Hadoop 3.3.4 (Spark 3.5) has no vectored reads, so there is nothing to count. */
abstract class CountingVectoredStream extends FSInputStream {
  /** Would be called once per vectored read. */
  abstract void countVectoredCall();
}
