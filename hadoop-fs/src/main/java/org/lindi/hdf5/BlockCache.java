package org.lindi.hdf5;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lindi.codec.ByteSlice;

/**
 * Reads a {@link ByteSource} in aligned blocks kept in a small LRU cache, so that walking the many
 * small metadata structures of an HDF5 file costs a few range reads instead of one per field.
 * Reads larger than a few blocks go straight to the source. Not thread safe.
 */
final class BlockCache {
  private final ByteSource source;
  private final long size;
  private final int blockSize;
  private final Map<Long, byte[]> blocks;

  BlockCache(ByteSource source, int blockSize, int maxBlocks) {
    this.source = source;
    this.size = source.size();
    this.blockSize = blockSize;
    this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
        return size() > maxBlocks;
      }
    };
  }

  long size() {
    return size;
  }

  /** Exactly {@code length} bytes at {@code offset}; the caller has checked the range. */
  ByteSlice read(long offset, int length) {
    long first = offset / blockSize;
    long last = (offset + length - 1) / blockSize;
    if (length == 0) {
      return ByteSlice.EMPTY;
    }
    if (first == last) {
      byte[] block = block(first);
      return new ByteSlice(block, (int) (offset - first * blockSize), length);
    }
    if (last - first >= 4) {
      // a big structure (a chunk index data block): one read, not worth caching
      return source.read(offset, length);
    }
    byte[] out = new byte[length];
    int done = 0;
    for (long b = first; b <= last; b++) {
      byte[] block = block(b);
      int from = b == first ? (int) (offset - first * blockSize) : 0;
      int n = Math.min(block.length - from, length - done);
      System.arraycopy(block, from, out, done, n);
      done += n;
    }
    return ByteSlice.of(out);
  }

  private byte[] block(long index) {
    byte[] cached = blocks.get(index);
    if (cached != null) {
      return cached;
    }
    long start = index * blockSize;
    int n = (int) Math.min(blockSize, size - start);
    ByteSlice slice = source.read(start, n);
    byte[] block = slice.offset() == 0 && slice.array().length == n ? slice.array() : slice.toArray();
    blocks.put(index, block);
    return block;
  }
}
