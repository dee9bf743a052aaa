package org.lindi.hdf5;

import java.util.List;

/**
 * Decodes one element of a fixed or extensible array chunk index: a chunk address, plus its stored
 * size and filter mask when the dataset has filters; the element's position in the array gives the
 * chunk's grid coordinates.
 */
final class ArrayEntry {
  private final ChunkGeometry g;
  private final boolean filtered;
  private final int sizeWidth;
  private final int front;

  private ArrayEntry(ChunkGeometry g, boolean filtered, int sizeWidth, int front) {
    this.g = g;
    this.filtered = filtered;
    this.sizeWidth = sizeWidth;
    this.front = front;
  }

  /** Checks the array header's version, client id (0 plain, 1 filtered chunks) and element size. */
  static ArrayEntry of(ChunkGeometry g, String what, long header, int version, int client,
      int entrySize) {
    return of(g, what, header, version, client, entrySize, 0);
  }

  static ArrayEntry of(ChunkGeometry g, String what, long header, int version, int client,
      int entrySize, int front) {
    MetadataReader file = g.file;
    int o = file.sizeOfOffsets();
    if (version != 0) {
      throw file.corrupt(what + " at 0x" + Long.toHexString(header) + " has unknown version "
          + version, header);
    }
    boolean filtered = client == 1;
    if (client > 1 || filtered != g.filtered()) {
      throw file.corrupt(what + " at 0x" + Long.toHexString(header) + " has client id " + client
          + " for a dataset with " + g.filterCount + " filters", header);
    }
    int sizeWidth = filtered ? entrySize - o - 4 : 0;
    if (filtered ? sizeWidth < 1 || sizeWidth > 8 : entrySize != o) {
      throw file.corrupt(what + " at 0x" + Long.toHexString(header) + " has entries of "
          + entrySize + " bytes", header);
    }
    return new ArrayEntry(g, filtered, sizeWidth, front);
  }

  /** Reads the element at the cursor, which is element {@code index} of the array. */
  void read(MetadataCursor c, long index, List<Hdf5Chunk> out) {
    long address = c.address("chunk");
    long size = g.chunkBytes;
    int mask = 0;
    if (filtered) {
      size = c.count(sizeWidth, "chunk size");
      mask = (int) c.u32();
    }
    if (address != MetadataReader.UNDEFINED) {
      g.addScaled(out, g.scaled(index, front), address, size, mask);
    }
  }
}
