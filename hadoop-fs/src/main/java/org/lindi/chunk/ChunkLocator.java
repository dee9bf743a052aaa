package org.lindi.chunk;

import org.lindi.rfs.ChunkRef;

/** Finds where the stored bytes of a chunk are: in the RFS, or (later) in an HDF5 chunk index. */
public interface ChunkLocator {
  /** The ref of chunk {@code coords}, or null when the chunk has none (it reads as fill_value). */
  ChunkRef locate(long[] coords);

  /** The store key of chunk {@code coords}, for error messages and partitions. */
  String key(long[] coords);
}
