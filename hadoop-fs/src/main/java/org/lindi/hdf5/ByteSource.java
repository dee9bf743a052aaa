package org.lindi.hdf5;

import org.lindi.codec.ByteSlice;

/**
 * Positioned reads of an HDF5 file that may live anywhere (local disk, HDFS, S3, HTTP); the reader
 * never asks for the whole file, only for the blocks that hold its metadata. Implementations must
 * be safe to call from one thread at a time.
 */
public interface ByteSource {
  /**
   * Reads exactly {@code length} bytes starting at {@code offset}, or throws (an unchecked
   * exception, typically a {@code LindiException}) when they cannot all be read. The returned
   * bytes must not change afterwards: the reader may keep them.
   */
  ByteSlice read(long offset, int length);

  /** The size of the file in bytes. */
  long size();
}
