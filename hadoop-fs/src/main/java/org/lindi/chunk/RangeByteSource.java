package org.lindi.chunk;

import org.apache.hadoop.fs.Path;
import org.lindi.codec.ByteSlice;
import org.lindi.container.FileRange;
import org.lindi.hdf5.ByteSource;
import org.lindi.io.ChunkRangeReader;

/** A file (or a range of one) seen as an HDF5 {@link ByteSource}, read through a {@link ChunkRangeReader}. */
final class RangeByteSource implements ByteSource {
  private final ChunkRangeReader reader;
  private final Path path;
  private final long base;
  private final long size;

  RangeByteSource(ChunkRangeReader reader, FileRange range) {
    this.reader = reader;
    this.path = range.path();
    this.base = range.offset();
    this.size = range.length() >= 0 ? range.length() : reader.fileSize(range.path()) - range.offset();
  }

  @Override
  public ByteSlice read(long offset, int length) {
    synchronized (reader) {
      // each read returns fresh bytes, which the HDF5 reader may keep in its block cache
      return reader.read(new FileRange(path, base + offset, length));
    }
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public String toString() {
    return "RangeByteSource[" + path + " @" + base + "+" + size + "]";
  }
}
