package org.lindi.hdf5;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A version 2 B-tree ({@code BTHD} header, {@code BTIN} internal and {@code BTLF} leaf nodes);
 * hands every record to a visitor. Used for dense link storage (type 5) and chunk indexes (types 10
 * and 11).
 */
final class V2BTree {
  private static final int MAX_DEPTH = 32;
  private static final int PREFIX = 4 + 1 + 1 + 4; // signature, version, type, checksum

  private final MetadataReader file;
  private final long address;
  private final int type;
  private final int nodeSize;
  private final int recordSize;
  private final int depth;
  private final long rootAddress;
  private final int rootRecords;
  private final long totalRecords;
  private final int[] maxRecords;
  private final int[] cumulativeCountSize;
  private final int recordCountSize;
  private long visited;

  private V2BTree(MetadataReader file, long address) {
    this.file = file;
    this.address = address;
    int o = file.sizeOfOffsets();
    MetadataCursor c = file.read(address, 4 + 1 + 1 + 4 + 2 + 2 + 1 + 1 + o + 2
        + file.sizeOfLengths() + 4, "version 2 B-tree header");
    c.expectSignature("BTHD");
    int version = c.u8();
    if (version != 0) {
      throw corrupt("unknown version " + version);
    }
    type = c.u8();
    long node = c.u32();
    recordSize = c.u16();
    depth = c.u16();
    c.skip(2); // split and merge percentages
    rootAddress = c.address("v2 B-tree root node");
    rootRecords = c.u16();
    totalRecords = c.lengthField("number of records");
    c.verifyChecksum();
    if (node < PREFIX + 1 || node > MetadataReader.MAX_STRUCTURE_BYTES || recordSize < 1
        || depth > MAX_DEPTH) {
      throw corrupt("impossible node size " + node + ", record size " + recordSize + " or depth "
          + depth);
    }
    nodeSize = (int) node;
    maxRecords = new int[depth + 1];
    cumulativeCountSize = new int[depth + 1];
    long[] cumulative = new long[depth + 1];
    maxRecords[0] = (nodeSize - PREFIX) / recordSize;
    if (maxRecords[0] < 1) {
      throw corrupt("a node of " + nodeSize + " bytes cannot hold a record of " + recordSize);
    }
    cumulative[0] = maxRecords[0];
    recordCountSize = encodedSize(maxRecords[0]);
    for (int d = 1; d <= depth; d++) {
      int pointer = o + recordCountSize + cumulativeCountSize[d - 1];
      maxRecords[d] = (nodeSize - (PREFIX + pointer)) / (recordSize + pointer);
      if (maxRecords[d] < 1) {
        throw corrupt("an internal node of " + nodeSize + " bytes cannot hold a record");
      }
      cumulative[d] = saturatingAdd(saturatingMultiply(maxRecords[d] + 1L, cumulative[d - 1]),
          maxRecords[d]);
      cumulativeCountSize[d] = encodedSize(cumulative[d]);
    }
  }

  static V2BTree open(MetadataReader file, long address) {
    return new V2BTree(file, address);
  }

  int type() {
    return type;
  }

  int recordSize() {
    return recordSize;
  }

  /** Visits every record, each as a cursor over its {@link #recordSize()} bytes. */
  void forEach(Consumer<MetadataCursor> visitor) {
    if (rootAddress == MetadataReader.UNDEFINED || totalRecords == 0) {
      return;
    }
    visited = 0;
    visit(rootAddress, rootRecords, depth, new HashSet<>(), visitor);
  }

  private void visit(long node, int records, int level, Set<Long> seen,
      Consumer<MetadataCursor> visitor) {
    if (!seen.add(node)) {
      throw corrupt("node 0x" + Long.toHexString(node) + " is reached twice (a cycle)");
    }
    if (records > maxRecords[level]) {
      throw corrupt("node 0x" + Long.toHexString(node) + " claims " + records + " records, at most "
          + maxRecords[level] + " fit");
    }
    visited += records;
    if (visited > totalRecords) {
      throw corrupt("more records than the " + totalRecords + " the header counts");
    }
    int o = file.sizeOfOffsets();
    int pointerSize = level == 0 ? 0 : o + recordCountSize + (level > 1 ? cumulativeCountSize[level - 1] : 0);
    long size = 6 + (long) records * recordSize + (level == 0 ? 0 : (records + 1L) * pointerSize) + 4;
    String what = level == 0 ? "version 2 B-tree leaf node" : "version 2 B-tree internal node";
    MetadataCursor c = file.read(node, size, what);
    c.expectSignature(level == 0 ? "BTLF" : "BTIN");
    int version = c.u8();
    int nodeType = c.u8();
    if (version != 0 || nodeType != type) {
      throw corrupt("node 0x" + Long.toHexString(node) + " has version " + version + " and type "
          + nodeType + ", expected 0 and " + type);
    }
    c.seek((int) size - 4).verifyChecksum();
    for (int i = 0; i < records; i++) {
      int at = 6 + i * recordSize;
      visitor.accept(new MetadataCursor(file, c.seek(at).bytes(recordSize), node + at, what));
    }
    if (level == 0) {
      return;
    }
    c.seek(6 + records * recordSize);
    for (int i = 0; i <= records; i++) {
      long child = c.address("v2 B-tree child node");
      int childRecords = (int) c.uint(recordCountSize);
      if (level > 1) {
        c.uint(cumulativeCountSize[level - 1]);
      }
      visit(child, childRecords, level - 1, seen, visitor);
    }
  }

  private org.lindi.error.LindiFormatException corrupt(String what) {
    return file.corrupt("version 2 B-tree at 0x" + Long.toHexString(address) + ": " + what, address);
  }

  /** Bytes libhdf5 uses to store a count up to {@code max} ({@code H5VM_limit_enc_size}). */
  static int encodedSize(long max) {
    return (63 - Long.numberOfLeadingZeros(Math.max(max, 1))) / 8 + 1;
  }

  private static long saturatingMultiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
