package org.lindi.hdf5;

import java.util.List;

/**
 * The chunk index of datasets with several unlimited axes: a version 2 B-tree whose records (type
 * 10 plain, type 11 with filtered size and mask) hold a chunk address and its grid coordinates.
 */
final class V2BTreeChunkIndex {
  private static final int PLAIN_CHUNKS = 10;
  private static final int FILTERED_CHUNKS = 11;

  private V2BTreeChunkIndex() {}

  static void collect(ChunkGeometry g, long address, List<Hdf5Chunk> out) {
    if (address == MetadataReader.UNDEFINED) {
      return;
    }
    MetadataReader file = g.file;
    V2BTree tree = V2BTree.open(file, address);
    int o = file.sizeOfOffsets();
    int expectedType = g.filtered() ? FILTERED_CHUNKS : PLAIN_CHUNKS;
    int sizeWidth = tree.recordSize() - o - 8 * g.rank - (g.filtered() ? 4 : 0);
    boolean sizeOk = g.filtered() ? sizeWidth >= 1 && sizeWidth <= 8 : sizeWidth == 0;
    if (tree.type() != expectedType || !sizeOk) {
      throw file.corrupt("chunk index of " + g.path + " at 0x" + Long.toHexString(address)
          + " is a version 2 B-tree of type " + tree.type() + " with " + tree.recordSize()
          + "-byte records, expected type " + expectedType, address);
    }
    tree.forEach(record -> {
      long chunk = record.address("chunk");
      long size = g.chunkBytes;
      int mask = 0;
      if (g.filtered()) {
        size = record.count(sizeWidth, "chunk size");
        mask = (int) record.u32();
      }
      long[] scaled = new long[g.rank];
      for (int i = 0; i < g.rank; i++) {
        scaled[i] = record.count(8, "chunk coordinate");
      }
      if (chunk != MetadataReader.UNDEFINED) {
        g.addScaled(out, scaled, chunk, size, mask);
      }
    });
  }
}
