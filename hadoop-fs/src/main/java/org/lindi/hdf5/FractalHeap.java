package org.lindi.hdf5;

import org.lindi.codec.ByteSlice;

/**
 * A fractal heap ({@code FRHP}): the store of a new-style group's link messages in dense storage.
 * Reads managed objects (through the doubling table of direct {@code FHDB} and indirect
 * {@code FHIB} blocks) and tiny objects (kept inside the heap ID); huge objects and filtered heaps
 * are refused.
 */
final class FractalHeap {
  private static final int MAX_ROWS = 64;

  private final MetadataReader file;
  private final long address;
  private final int idLength;
  private final boolean filtered;
  private final int tableWidth;
  private final long startBlockSize;
  private final long maxDirectBlockSize;
  private final int maxHeapBits;
  private final long rootAddress;
  private final int rootRows;
  private final int offsetSize;
  private final int lengthSize;
  private final int firstRowBits;
  private final int maxDirectRows;

  private FractalHeap(MetadataReader file, long address, MetadataCursor c) {
    this.file = file;
    this.address = address;
    c.expectSignature("FRHP");
    int version = c.u8();
    if (version != 0) {
      throw file.corrupt("fractal heap at 0x" + Long.toHexString(address) + " has unknown version "
          + version, address);
    }
    idLength = c.u16();
    int filterLength = c.u16();
    filtered = filterLength > 0;
    c.u8(); // flags
    long maxManagedSize = c.u32();
    c.lengthField("next huge object id");
    c.address("huge object B-tree");
    c.lengthField("free space");
    c.address("free space manager");
    c.lengthField("managed space");
    c.lengthField("allocated managed space");
    c.lengthField("direct block allocation iterator");
    c.lengthField("number of managed objects");
    c.lengthField("size of huge objects");
    c.lengthField("number of huge objects");
    c.lengthField("size of tiny objects");
    c.lengthField("number of tiny objects");
    tableWidth = c.u16();
    startBlockSize = c.lengthField("starting block size");
    maxDirectBlockSize = c.lengthField("maximum direct block size");
    maxHeapBits = c.u16();
    c.u16(); // starting number of rows in the root indirect block
    rootAddress = c.address("root block");
    rootRows = c.u16();
    if (!powerOfTwo(tableWidth) || !powerOfTwo(startBlockSize) || !powerOfTwo(maxDirectBlockSize)
        || maxDirectBlockSize < startBlockSize || maxHeapBits < 1 || maxHeapBits > 64
        || rootRows > MAX_ROWS || maxManagedSize <= 0 || idLength < 1) {
      throw file.corrupt("fractal heap at 0x" + Long.toHexString(address)
          + " has an impossible doubling table", address);
    }
    offsetSize = (maxHeapBits + 7) / 8;
    int maxDirectOffsetSize = (log2(maxDirectBlockSize) + 7) / 8;
    lengthSize = Math.min(maxDirectOffsetSize, log2(maxManagedSize) / 8 + 1);
    firstRowBits = log2(startBlockSize) + log2(tableWidth);
    maxDirectRows = log2(maxDirectBlockSize) - log2(startBlockSize) + 2;
    if (firstRowBits > Math.min(maxHeapBits, 62)) {
      throw file.corrupt("fractal heap at 0x" + Long.toHexString(address)
          + " has an impossible doubling table", address);
    }
  }

  static FractalHeap open(MetadataReader file, long address) {
    int o = file.sizeOfOffsets();
    int l = file.sizeOfLengths();
    long size = 4 + 1 + 2 + 2 + 1 + 4 + l + o + l + o + 8L * l + 2 + l + l + 2 + 2 + o + 2 + 4;
    MetadataCursor c = file.read(address, size, "fractal heap header");
    FractalHeap heap = new FractalHeap(file, address, c);
    if (heap.filtered) {
      throw file.unsupported("fractal heap at 0x" + Long.toHexString(address)
          + " has I/O filters, which are not supported");
    }
    c.verifyChecksum();
    return heap;
  }

  /** The bytes of the object that {@code id} names. */
  ByteSlice object(ByteSlice id) {
    if (id.length() < 1) {
      throw corrupt("an empty heap ID");
    }
    int flags = id.get(0) & 0xff;
    if ((flags >>> 6) != 0) {
      throw corrupt("a heap ID of unknown version " + (flags >>> 6));
    }
    int type = (flags >>> 4) & 0x03;
    if (type == 2) {
      boolean extended = idLength > 18;
      if (extended && id.length() < 2) {
        throw corrupt("a truncated tiny object heap ID");
      }
      int length = extended ? (((flags & 0x0f) << 8) | (id.get(1) & 0xff)) + 1 : (flags & 0x0f) + 1;
      int start = extended ? 2 : 1;
      if (start + length > id.length()) {
        throw corrupt("a tiny object longer than its heap ID");
      }
      return id.slice(start, length);
    }
    if (type != 0) {
      throw file.unsupported("fractal heap at 0x" + Long.toHexString(address)
          + " stores a huge object, which is not supported");
    }
    MetadataCursor c = new MetadataCursor(file, id, address, "fractal heap ID");
    c.skip(1);
    long offset = c.uint(offsetSize);
    long length = c.uint(lengthSize);
    return managed(offset, length);
  }

  private ByteSlice managed(long offset, long length) {
    if (length <= 0 || length > maxDirectBlockSize || offset < 0) {
      throw corrupt("a managed object of " + length + " bytes at heap offset " + offset);
    }
    if (rootRows == 0) {
      return fromDirectBlock(rootAddress, 0, startBlockSize, offset, length);
    }
    long blockAddress = rootAddress;
    long blockOffset = 0;
    int rows = rootRows;
    for (int depth = 0; depth < MAX_ROWS; depth++) {
      long relative = offset - blockOffset;
      int row;
      long col;
      if (relative < startBlockSize * tableWidth) {
        row = 0;
        col = relative / startBlockSize;
      } else {
        int high = 63 - Long.numberOfLeadingZeros(relative);
        row = high - firstRowBits + 1;
        col = (relative - (1L << high)) / rowBlockSize(row);
      }
      if (row >= rows || col >= tableWidth) {
        throw corrupt("heap offset " + offset + " outside the indirect block at 0x"
            + Long.toHexString(blockAddress));
      }
      long child = childAddress(blockAddress, blockOffset, rows, row, (int) col);
      long childOffset = blockOffset + rowOffset(row) + col * rowBlockSize(row);
      if (row < maxDirectRows) {
        return fromDirectBlock(child, childOffset, rowBlockSize(row), offset, length);
      }
      rows = log2(rowBlockSize(row)) - firstRowBits + 1;
      blockAddress = child;
      blockOffset = childOffset;
    }
    throw corrupt("indirect blocks nested too deep");
  }

  private long childAddress(long iblock, long blockOffset, int rows, int row, int col) {
    int o = file.sizeOfOffsets();
    int directRows = Math.min(rows, maxDirectRows);
    long entries = (long) rows * tableWidth;
    long size = 4 + 1 + o + offsetSize + entries * o + 4;
    MetadataCursor c = file.read(iblock, size, "fractal heap indirect block");
    c.expectSignature("FHIB");
    c.u8();
    long heap = c.address("fractal heap header");
    long stored = c.uint(offsetSize);
    if (heap != address || stored != blockOffset) {
      throw corrupt("indirect block at 0x" + Long.toHexString(iblock)
          + " belongs elsewhere (heap 0x" + Long.toHexString(heap) + ", offset " + stored + ")");
    }
    c.seek((int) (size - 4)).verifyChecksum();
    c.seek(4 + 1 + o + offsetSize + (row * tableWidth + col) * o);
    long child = c.address(row < directRows ? "direct block" : "indirect block");
    if (child == MetadataReader.UNDEFINED) {
      throw corrupt("an object in an unallocated block (row " + row + ", column " + col + ")");
    }
    return child;
  }

  private ByteSlice fromDirectBlock(long block, long blockOffset, long blockSize, long offset,
      long length) {
    int o = file.sizeOfOffsets();
    MetadataCursor head = file.read(block, 4 + 1 + o + offsetSize, "fractal heap direct block");
    head.expectSignature("FHDB");
    head.u8();
    long heap = head.address("fractal heap header");
    long stored = head.uint(offsetSize);
    if (heap != address || stored != blockOffset) {
      throw corrupt("direct block at 0x" + Long.toHexString(block) + " belongs elsewhere");
    }
    long within = offset - blockOffset;
    if (within < head.length() || within + length > blockSize) {
      throw corrupt("object at heap offset " + offset + " (" + length
          + " bytes) outside its direct block at 0x" + Long.toHexString(block));
    }
    return file.read(block + within, length, "fractal heap object").bytes((int) length);
  }

  private long rowBlockSize(int row) {
    return row == 0 ? startBlockSize : startBlockSize << (row - 1);
  }

  private long rowOffset(int row) {
    return row == 0 ? 0 : (startBlockSize * tableWidth) << (row - 1);
  }

  private org.lindi.error.LindiFormatException corrupt(String what) {
    return file.corrupt("fractal heap at 0x" + Long.toHexString(address) + ": " + what, address);
  }

  private static boolean powerOfTwo(long v) {
    return v > 0 && (v & (v - 1)) == 0;
  }

  private static int log2(long v) {
    return 63 - Long.numberOfLeadingZeros(v);
  }
}
