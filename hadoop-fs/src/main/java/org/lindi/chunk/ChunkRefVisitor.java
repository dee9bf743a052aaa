package org.lindi.chunk;

/**
 * Receives where the stored bytes of consecutive chunks are, by C-order grid index, without a
 * {@link org.lindi.rfs.ChunkRef} object per chunk (see {@link ChunkLocator#forEachRef}).
 */
public interface ChunkRefVisitor {
  /** Chunk {@code cell} has no ref: it reads as fill_value. */
  void missing(long cell);

  /** Chunk {@code cell} is stored inline in the RFS (the array is the visitor's to keep). */
  void inline(long cell, byte[] bytes);

  /** Chunk {@code cell} is {@code length} bytes at {@code offset} of {@code url} (not yet resolved). */
  void range(long cell, String url, long offset, long length);
}
