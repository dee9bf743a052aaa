package org.lindi.hdf5;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The chunk index of data layout version 3: a version 1 B-tree of chunk nodes ({@code TREE}, type 1). */
final class V1BTreeChunkIndex {
  private static final int MAX_LEVEL = 64;

  private V1BTreeChunkIndex() {}

  static void collect(ChunkGeometry g, long root, List<Hdf5Chunk> out) {
    if (root != MetadataReader.UNDEFINED) {
      visit(g, root, -1, new HashSet<>(), out);
    }
  }

  private static void visit(ChunkGeometry g, long address, int expectedLevel, Set<Long> seen,
      List<Hdf5Chunk> out) {
    MetadataReader file = g.file;
    if (!seen.add(address)) {
      throw file.corrupt("chunk B-tree node at 0x" + Long.toHexString(address)
          + " is reached twice (a cycle)", address);
    }
    int o = file.sizeOfOffsets();
    MetadataCursor head = file.read(address, 8 + 2L * o, "v1 B-tree node");
    head.expectSignature("TREE");
    int type = head.u8();
    int level = head.u8();
    int entries = head.u16();
    if (type != 1) {
      throw file.corrupt("B-tree node at 0x" + Long.toHexString(address)
          + " is not a chunk node (type " + type + ")", address);
    }
    if (level > MAX_LEVEL || (expectedLevel >= 0 && level != expectedLevel)) {
      throw file.corrupt("chunk B-tree node at 0x" + Long.toHexString(address) + " has level "
          + level + ", expected " + expectedLevel, address);
    }
    int keySize = 4 + 4 + 8 * (g.rank + 1);
    long size = 8 + 2L * o + (long) entries * (keySize + o) + keySize;
    MetadataCursor c = file.read(address, size, "v1 B-tree node");
    c.seek(8 + 2 * o);
    for (int i = 0; i < entries; i++) {
      long chunkSize = c.u32();
      int mask = (int) c.u32();
      long[] offset = new long[g.rank];
      for (int d = 0; d < g.rank; d++) {
        offset[d] = c.count(8, "chunk offset");
      }
      c.skip(8); // the element-size axis, always 0
      long child = c.address("chunk B-tree child");
      if (level > 0) {
        visit(g, child, level - 1, seen, out);
      } else if (child != MetadataReader.UNDEFINED) {
        g.add(out, offset, child, chunkSize, mask);
      }
    }
  }
}
