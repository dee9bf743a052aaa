package org.lindi.hdf5;

import java.util.List;

/**
 * The fixed array chunk index ({@code FAHD} header, {@code FADB} data block, optionally paged):
 * one entry per chunk of the maximum shape, in C order.
 */
final class FixedArrayChunkIndex {
  private FixedArrayChunkIndex() {}

  static void collect(ChunkGeometry g, long address, List<Hdf5Chunk> out) {
    if (address == MetadataReader.UNDEFINED) {
      return;
    }
    MetadataReader file = g.file;
    int o = file.sizeOfOffsets();
    MetadataCursor h = file.read(address, 4 + 4 + file.sizeOfLengths() + o + 4, "fixed array header");
    h.expectSignature("FAHD");
    int version = h.u8();
    int client = h.u8();
    int entrySize = h.u8();
    int pageBits = h.u8();
    long count = h.lengthField("number of entries");
    long dataBlock = h.address("fixed array data block");
    h.verifyChecksum();
    ArrayEntry entry = ArrayEntry.of(g, "fixed array", address, version, client, entrySize);
    if (pageBits > 30 || count > g.maxChunkCount()) {
      throw file.corrupt("fixed array at 0x" + Long.toHexString(address) + " has " + count
          + " entries (page bits " + pageBits + ") for " + g.maxChunkCount() + " chunks", address);
    }
    if (dataBlock == MetadataReader.UNDEFINED || count == 0) {
      return;
    }
    file.checkRange(dataBlock, ChunkGeometry.multiply(count, entrySize), "fixed array data block");
    long pageEntries = 1L << pageBits;
    if (count <= pageEntries) {
      long size = 4 + 1 + 1 + o + count * entrySize + 4;
      MetadataCursor c = file.read(dataBlock, size, "fixed array data block");
      blockPrefix(c, address, client);
      c.seek((int) (size - 4)).verifyChecksum().seek(4 + 2 + o);
      for (long i = 0; i < count; i++) {
        entry.read(c, i, out);
      }
      return;
    }
    long pages = (count + pageEntries - 1) / pageEntries;
    int bitmapSize = (int) ((pages + 7) / 8);
    int prefix = 4 + 1 + 1 + o + bitmapSize + 4;
    MetadataCursor c = file.read(dataBlock, prefix, "fixed array data block");
    blockPrefix(c, address, client);
    byte[] bitmap = c.bytes(bitmapSize).toArray();
    c.verifyChecksum();
    long pageSize = pageEntries * entrySize + 4;
    for (long p = 0; p < pages; p++) {
      if ((bitmap[(int) (p / 8)] & (0x80 >>> (p % 8))) == 0) {
        continue; // page never written: all its chunks are unallocated
      }
      long first = p * pageEntries;
      long n = Math.min(pageEntries, count - first);
      MetadataCursor page = file.read(dataBlock + prefix + p * pageSize, n * entrySize + 4,
          "fixed array data block page");
      page.seek((int) (n * entrySize)).verifyChecksum().seek(0);
      for (long i = 0; i < n; i++) {
        entry.read(page, first + i, out);
      }
    }
  }

  private static void blockPrefix(MetadataCursor c, long header, int client) {
    c.expectSignature("FADB");
    c.u8();
    int blockClient = c.u8();
    long owner = c.address("fixed array header");
    if (owner != header || blockClient != client) {
      throw c.corrupt("fixed array data block at 0x" + Long.toHexString(c.address())
          + " belongs to another array");
    }
  }
}
