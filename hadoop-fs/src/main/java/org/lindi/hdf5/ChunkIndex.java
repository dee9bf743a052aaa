package org.lindi.hdf5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Lists the allocated chunks of a chunked dataset through whichever index its layout names. */
final class ChunkIndex {
  private ChunkIndex() {}

  static List<Hdf5Chunk> chunks(ChunkGeometry g, DataLayoutMessage layout) {
    List<Hdf5Chunk> out = new ArrayList<>();
    switch (layout.indexType) {
      case DataLayoutMessage.INDEX_V1_BTREE:
        V1BTreeChunkIndex.collect(g, layout.indexAddress, out);
        break;
      case DataLayoutMessage.INDEX_SINGLE:
        single(g, layout, out);
        break;
      case DataLayoutMessage.INDEX_IMPLICIT:
        implicit(g, layout.indexAddress, out);
        break;
      case DataLayoutMessage.INDEX_FIXED_ARRAY:
        FixedArrayChunkIndex.collect(g, layout.indexAddress, out);
        break;
      case DataLayoutMessage.INDEX_EXTENSIBLE_ARRAY:
        ExtensibleArrayChunkIndex.collect(g, layout.indexAddress, out);
        break;
      case DataLayoutMessage.INDEX_V2_BTREE:
        V2BTreeChunkIndex.collect(g, layout.indexAddress, out);
        break;
      default:
        throw g.file.corrupt("dataset " + g.path + " has unknown chunk index type "
            + layout.indexType, -1);
    }
    out.sort(BY_OFFSET);
    return Collections.unmodifiableList(out);
  }

  /** One chunk covering the whole dataset; a filtered one records its size and mask in the layout. */
  private static void single(ChunkGeometry g, DataLayoutMessage layout, List<Hdf5Chunk> out) {
    if (layout.indexAddress == MetadataReader.UNDEFINED) {
      return;
    }
    boolean filteredRecord = layout.singleChunkSize >= 0;
    long size = filteredRecord ? layout.singleChunkSize : g.chunkBytes;
    g.add(out, new long[g.rank], layout.indexAddress, size,
        filteredRecord ? layout.singleChunkFilterMask : 0);
  }

  /**
   * No index at all: every chunk of the maximum shape was allocated up front, in C order, each
   * {@code chunkBytes} long, starting at the index address.
   */
  private static void implicit(ChunkGeometry g, long base, List<Hdf5Chunk> out) {
    if (base == MetadataReader.UNDEFINED) {
      return;
    }
    long total = g.maxChunkCount();
    if (total == Long.MAX_VALUE || g.filtered()) {
      throw g.file.corrupt("dataset " + g.path
          + " has an implicit chunk index but unlimited axes or filters", base);
    }
    g.file.checkRange(base, ChunkGeometry.multiply(total, g.chunkBytes),
        "implicit chunk storage of " + g.path);
    long[] counts = new long[g.rank];
    long current = 1;
    for (int i = 0; i < g.rank; i++) {
      counts[i] = g.currentChunks(i);
      current *= counts[i];
    }
    long[] scaled = new long[g.rank];
    for (long n = 0; n < current; n++) {
      long rest = n;
      for (int i = g.rank - 1; i >= 0; i--) {
        scaled[i] = rest % counts[i];
        rest /= counts[i];
      }
      long index = 0;
      for (int i = 0; i < g.rank; i++) {
        index = index * g.maxChunks(i) + scaled[i];
      }
      g.addScaled(out, scaled, base + index * g.chunkBytes, g.chunkBytes, 0);
    }
  }

  static final Comparator<Hdf5Chunk> BY_OFFSET = (a, b) -> Arrays.compare(a.offset(), b.offset());
}
