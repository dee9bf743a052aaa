package org.lindi.hdf5;

import java.util.List;

/**
 * The extensible array chunk index of datasets with one unlimited axis: a header ({@code EAHD}),
 * an index block ({@code EAIB}) holding the first elements and the addresses of the first data
 * blocks ({@code EADB}) and of super blocks ({@code EASB}) that point to later, larger data blocks,
 * which may be paged. Elements run in C order over the chunk grid with the unlimited axis first.
 */
final class ExtensibleArrayChunkIndex {
  private static final int MAX_SUPER_BLOCKS = 64;

  private final ChunkGeometry g;
  private final MetadataReader file;
  private final long header;
  private final int client;
  private final int elementSize;
  private final int arrayOffsetSize;
  private final long pageElements;
  private final long maxIndex;
  private final ArrayEntry entry;
  private final int indexBlockElements;
  private final int superBlockMinDataPointers;
  private final long indexBlock;
  private final long[] superBlockDataBlocks;
  private final long[] superBlockDataBlockElements;
  private final long[] superBlockStart;

  private ExtensibleArrayChunkIndex(ChunkGeometry g, long header, MetadataCursor h, int front) {
    this.g = g;
    this.file = g.file;
    this.header = header;
    h.expectSignature("EAHD");
    int version = h.u8();
    client = h.u8();
    elementSize = h.u8();
    int maxElementBits = h.u8();
    indexBlockElements = h.u8();
    int dataBlockMinElements = h.u8();
    superBlockMinDataPointers = h.u8();
    int pageBits = h.u8();
    h.lengthField("number of super blocks");
    h.lengthField("size of super blocks");
    h.lengthField("number of data blocks");
    h.lengthField("size of data blocks");
    maxIndex = h.lengthField("maximum index set");
    h.lengthField("number of elements");
    indexBlock = h.address("extensible array index block");
    h.verifyChecksum();
    entry = ArrayEntry.of(g, "extensible array", header, version, client, elementSize, front);
    if (maxElementBits < 1 || maxElementBits > 64 || pageBits > 30
        || !powerOfTwo(dataBlockMinElements) || !powerOfTwo(superBlockMinDataPointers)
        || log2(dataBlockMinElements) > maxElementBits) {
      throw corrupt("impossible creation parameters");
    }
    arrayOffsetSize = (maxElementBits + 7) / 8;
    pageElements = 1L << pageBits;
    int superBlocks = 1 + maxElementBits - log2(dataBlockMinElements);
    if (superBlocks > MAX_SUPER_BLOCKS) {
      throw corrupt(superBlocks + " super blocks");
    }
    superBlockDataBlocks = new long[superBlocks];
    superBlockDataBlockElements = new long[superBlocks];
    superBlockStart = new long[superBlocks];
    long start = 0;
    for (int u = 0; u < superBlocks; u++) {
      superBlockDataBlocks[u] = 1L << (u / 2);
      superBlockDataBlockElements[u] = (1L << ((u + 1) / 2)) * dataBlockMinElements;
      superBlockStart[u] = start;
      start = saturatingAdd(start, saturatingMul(superBlockDataBlocks[u], superBlockDataBlockElements[u]));
    }
  }

  static void collect(ChunkGeometry g, long address, List<Hdf5Chunk> out) {
    if (address == MetadataReader.UNDEFINED) {
      return;
    }
    int front = -1;
    for (int i = 0; i < g.rank; i++) {
      if (g.maxDims[i] < 0) {
        if (front >= 0) {
          throw g.file.corrupt("dataset " + g.path
              + " has an extensible array index but several unlimited axes", address);
        }
        front = i;
      }
    }
    MetadataReader file = g.file;
    MetadataCursor h = file.read(address, 4 + 4 + 6 + 6L * file.sizeOfLengths()
        + file.sizeOfOffsets() + 4, "extensible array header");
    new ExtensibleArrayChunkIndex(g, address, h, Math.max(front, 0)).collect(out);
  }

  private void collect(List<Hdf5Chunk> out) {
    if (indexBlock == MetadataReader.UNDEFINED || maxIndex == 0) {
      return;
    }
    int o = file.sizeOfOffsets();
    int directSuperBlocks = 2 * log2(superBlockMinDataPointers);
    int directDataBlocks = 2 * (superBlockMinDataPointers - 1);
    int superBlockAddresses = Math.max(0, superBlockDataBlocks.length - directSuperBlocks);
    long size = 4 + 1 + 1 + o + (long) indexBlockElements * elementSize
        + (long) directDataBlocks * o + (long) superBlockAddresses * o + 4;
    MetadataCursor c = file.read(indexBlock, size, "extensible array index block");
    owner(c, "EAIB");
    c.seek((int) (size - 4)).verifyChecksum().seek(4 + 2 + o);
    for (long i = 0; i < indexBlockElements; i++) {
      if (i < maxIndex) {
        entry.read(c, i, out);
      } else {
        c.skip(elementSize);
      }
    }
    long[] dataBlocks = new long[directDataBlocks];
    for (int i = 0; i < directDataBlocks; i++) {
      dataBlocks[i] = c.address("extensible array data block");
    }
    long[] superBlocks = new long[superBlockAddresses];
    for (int i = 0; i < superBlockAddresses; i++) {
      superBlocks[i] = c.address("extensible array super block");
    }
    long elements = maxIndex - indexBlockElements;
    int dataBlock = 0;
    for (int u = 0; u < superBlockDataBlocks.length && superBlockStart[u] < elements; u++) {
      if (u < directSuperBlocks) {
        for (long d = 0; d < superBlockDataBlocks[u]; d++, dataBlock++) {
          if (dataBlock >= directDataBlocks) {
            throw corrupt("more data blocks than its index block holds");
          }
          long first = superBlockStart[u] + d * superBlockDataBlockElements[u];
          dataBlock(dataBlocks[dataBlock], first, superBlockDataBlockElements[u], null, 0, out);
        }
      } else {
        superBlock(superBlocks[u - directSuperBlocks], u, out);
      }
    }
  }

  private void superBlock(long address, int u, List<Hdf5Chunk> out) {
    if (address == MetadataReader.UNDEFINED) {
      return;
    }
    int o = file.sizeOfOffsets();
    long blocks = superBlockDataBlocks[u];
    long blockElements = superBlockDataBlockElements[u];
    long pages = blockElements > pageElements ? blockElements / pageElements : 0;
    long bitmapBytes = pages > 0 ? blocks * ((pages + 7) / 8) : 0;
    long size = 4 + 1 + 1 + o + arrayOffsetSize + bitmapBytes + blocks * o + 4;
    MetadataCursor c = file.read(address, size, "extensible array super block");
    owner(c, "EASB");
    c.uint(arrayOffsetSize); // block offset: informational (libhdf5 does not check it either)
    byte[] bitmap = c.bytes((int) bitmapBytes).toArray();
    c.seek((int) (size - 4)).verifyChecksum().seek((int) (4 + 2 + o + arrayOffsetSize + bitmapBytes));
    for (long d = 0; d < blocks; d++) {
      long block = c.address("extensible array data block");
      long first = superBlockStart[u] + d * blockElements;
      dataBlock(block, first, blockElements, pages > 0 ? bitmap : null, d * pages, out);
    }
  }

  /**
   * Reads the data block at {@code address} holding elements {@code first} (counted after the
   * index block's own elements) to {@code first + count}; {@code bitmap} tells which of its pages
   * were written, starting at bit {@code firstPageBit}.
   */
  private void dataBlock(long address, long first, long count, byte[] bitmap, long firstPageBit,
      List<Hdf5Chunk> out) {
    if (address == MetadataReader.UNDEFINED) {
      return;
    }
    int o = file.sizeOfOffsets();
    long wanted = Math.min(count, maxIndex - indexBlockElements - first);
    if (wanted <= 0) {
      return;
    }
    int prefix = 4 + 1 + 1 + o + arrayOffsetSize;
    boolean paged = count > pageElements;
    long size = paged ? prefix + 4 : prefix + count * elementSize + 4;
    MetadataCursor c = file.read(address, size, "extensible array data block");
    owner(c, "EADB");
    // the stored block offset is not checked: libhdf5 writes start + global block index * size
    c.uint(arrayOffsetSize);
    c.seek((int) (size - 4)).verifyChecksum();
    if (!paged) {
      c.seek(prefix);
      for (long i = 0; i < wanted; i++) {
        entry.read(c, indexBlockElements + first + i, out);
      }
      return;
    }
    long pageSize = pageElements * elementSize + 4;
    for (long p = 0; p * pageElements < wanted; p++) {
      long bit = firstPageBit + p;
      if (bitmap != null && bit / 8 >= bitmap.length) {
        throw corrupt("data block at 0x" + Long.toHexString(address) + " has more pages than its"
            + " super block's bitmap");
      }
      if (bitmap != null && (bitmap[(int) (bit / 8)] & (0x80 >>> (bit % 8))) == 0) {
        continue; // page never written
      }
      MetadataCursor page = file.read(address + prefix + 4 + p * pageSize, pageSize,
          "extensible array data block page");
      page.seek((int) (pageSize - 4)).verifyChecksum().seek(0);
      long n = Math.min(pageElements, wanted - p * pageElements);
      for (long i = 0; i < n; i++) {
        entry.read(page, indexBlockElements + first + p * pageElements + i, out);
      }
    }
  }

  private void owner(MetadataCursor c, String signature) {
    c.expectSignature(signature);
    c.u8();
    int blockClient = c.u8();
    long owner = c.address("extensible array header");
    if (owner != header || blockClient != client) {
      throw corrupt(signature + " block at 0x" + Long.toHexString(c.address())
          + " belongs to another array");
    }
  }

  private org.lindi.error.LindiFormatException corrupt(String what) {
    return file.corrupt("extensible array of " + g.path + " at 0x" + Long.toHexString(header)
        + ": " + what, header);
  }

  private static boolean powerOfTwo(long v) {
    return v > 0 && (v & (v - 1)) == 0;
  }

  private static int log2(long v) {
    return 63 - Long.numberOfLeadingZeros(v);
  }

  private static long saturatingMul(long a, long b) {
    return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
