package org.lindi.hdf5;

import org.lindi.codec.ByteSlice;

/** A local heap ({@code HEAP}): the names of an old-style (symbol table) group's links. */
final class LocalHeap {
  private final MetadataReader file;
  private final long address;
  private final ByteSlice data;

  private LocalHeap(MetadataReader file, long address, ByteSlice data) {
    this.file = file;
    this.address = address;
    this.data = data;
  }

  static LocalHeap read(MetadataReader file, long address) {
    int l = file.sizeOfLengths();
    MetadataCursor c = file.read(address, 8 + 2L * l + file.sizeOfOffsets(), "local heap");
    c.expectSignature("HEAP");
    int version = c.u8();
    if (version != 0) {
      throw file.corrupt("local heap at 0x" + Long.toHexString(address) + " has unknown version "
          + version, address);
    }
    c.skip(3);
    long size = c.lengthField("local heap data segment size");
    c.lengthField("local heap free list offset");
    long dataAddress = c.address("local heap data segment");
    ByteSlice data = file.read(dataAddress, size, "local heap data segment").bytes((int) size);
    return new LocalHeap(file, address, data);
  }

  /** The NUL-terminated string at {@code offset} of the data segment. */
  String string(long offset) {
    if (offset < 0 || offset >= data.length()) {
      throw file.corrupt("local heap at 0x" + Long.toHexString(address) + " has no string at offset "
          + offset, address);
    }
    int start = (int) offset;
    int end = start;
    while (end < data.length() && data.get(end) != 0) {
      end++;
    }
    if (end == data.length()) {
      throw file.corrupt("local heap at 0x" + Long.toHexString(address)
          + " has an unterminated string at offset " + offset, address);
    }
    return Link.utf8(data.slice(start, end - start).toArray());
  }
}
