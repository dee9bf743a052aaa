package org.lindi.hdf5;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The links of an old-style group: a version 1 B-tree of group nodes whose leaves point to symbol
 * table nodes ({@code SNOD}), with the link names in a local heap.
 */
final class SymbolTableGroup {
  private static final int MAX_LEVEL = 64;

  private SymbolTableGroup() {}

  static void links(MetadataReader file, HeaderMessage symbolTable, List<Link> out) {
    MetadataCursor c = symbolTable.cursor(file, "symbol table message");
    long btree = c.address("group B-tree");
    long heapAddress = c.address("group local heap");
    LocalHeap heap = LocalHeap.read(file, heapAddress);
    visit(file, btree, -1, heap, new HashSet<>(), out);
  }

  private static void visit(MetadataReader file, long address, int expectedLevel, LocalHeap heap,
      Set<Long> seen, List<Link> out) {
    if (!seen.add(address)) {
      throw file.corrupt("group B-tree node at 0x" + Long.toHexString(address)
          + " is reached twice (a cycle)", address);
    }
    int o = file.sizeOfOffsets();
    int l = file.sizeOfLengths();
    MetadataCursor head = file.read(address, 8 + 2L * o, "group B-tree node");
    head.expectSignature("TREE");
    int type = head.u8();
    int level = head.u8();
    int entries = head.u16();
    if (type != 0) {
      throw file.corrupt("B-tree node at 0x" + Long.toHexString(address)
          + " is not a group node (type " + type + ")", address);
    }
    if (level > MAX_LEVEL || (expectedLevel >= 0 && level != expectedLevel)) {
      throw file.corrupt("group B-tree node at 0x" + Long.toHexString(address) + " has level "
          + level + ", expected " + expectedLevel, address);
    }
    long size = 8 + 2L * o + (long) entries * (l + o) + l;
    MetadataCursor c = file.read(address, size, "group B-tree node");
    c.seek(8 + 2 * o);
    for (int i = 0; i < entries; i++) {
      c.skip(l); // key: heap offset of the largest name in the child
      long child = c.address("group B-tree child");
      if (level > 0) {
        visit(file, child, level - 1, heap, seen, out);
      } else {
        symbolNode(file, child, heap, out);
      }
    }
  }

  private static void symbolNode(MetadataReader file, long address, LocalHeap heap, List<Link> out) {
    int o = file.sizeOfOffsets();
    MetadataCursor head = file.read(address, 8, "symbol table node");
    head.expectSignature("SNOD");
    int version = head.u8();
    if (version != 1) {
      throw file.corrupt("symbol table node at 0x" + Long.toHexString(address)
          + " has unknown version " + version, address);
    }
    head.u8();
    int count = head.u16();
    int entrySize = Superblock.symbolTableEntrySize(o);
    MetadataCursor c = file.read(address, 8 + (long) count * entrySize, "symbol table node");
    c.seek(8);
    for (int i = 0; i < count; i++) {
      long nameOffset = c.uint(o);
      long header = c.address("symbol table entry object header");
      long cacheType = c.u32();
      c.skip(4);
      MetadataCursor scratch = new MetadataCursor(file, c.bytes(16), c.address(), "symbol table entry");
      String name = heap.string(nameOffset);
      if (cacheType == 2) {
        out.add(Link.soft(name, heap.string(scratch.u32())));
      } else {
        out.add(Link.hard(name, header));
      }
    }
  }
}
