package org.lindi.hdf5;

import java.util.ArrayList;
import java.util.List;

/**
 * The links of a group, whatever its storage: an old-style symbol table, link messages in the
 * object header (compact), or dense storage (a fractal heap of link messages indexed by a version 2
 * B-tree of name hashes, found through the link info message).
 */
final class GroupLinks {
  private static final int LINK_NAME_RECORDS = 5;

  private GroupLinks() {}

  /** True when the object header describes a group (it has any kind of link storage). */
  static boolean isGroup(ObjectHeader header) {
    return header.first(HeaderMessage.SYMBOL_TABLE) != null
        || header.first(HeaderMessage.LINK_INFO) != null
        || header.first(HeaderMessage.LINK) != null;
  }

  static List<Link> read(MetadataReader file, ObjectHeader header) {
    List<Link> links = new ArrayList<>();
    HeaderMessage symbolTable = header.first(HeaderMessage.SYMBOL_TABLE);
    if (symbolTable != null) {
      SymbolTableGroup.links(file, symbolTable, links);
      return links;
    }
    for (HeaderMessage m : header.all(HeaderMessage.LINK)) {
      links.add(Link.parse(file, m.cursor(file, "link message")));
    }
    HeaderMessage info = header.first(HeaderMessage.LINK_INFO);
    if (info != null) {
      dense(file, info, links);
    }
    return links;
  }

  private static void dense(MetadataReader file, HeaderMessage info, List<Link> out) {
    MetadataCursor c = info.cursor(file, "link info message");
    int version = c.u8();
    if (version != 0) {
      throw file.corrupt("link info message has unknown version " + version, info.address);
    }
    int flags = c.u8();
    if ((flags & 0x01) != 0) {
      c.skip(8); // maximum creation index
    }
    long heapAddress = c.address("link fractal heap");
    long nameIndex = c.address("link name index");
    if (heapAddress == MetadataReader.UNDEFINED) {
      return; // compact storage: the links are messages of the header
    }
    FractalHeap heap = FractalHeap.open(file, heapAddress);
    V2BTree names = V2BTree.open(file, nameIndex);
    if (names.type() != LINK_NAME_RECORDS || names.recordSize() <= 4) {
      throw file.corrupt("link name index at 0x" + Long.toHexString(nameIndex)
          + " is not a version 2 B-tree of link names (type " + names.type() + ")", nameIndex);
    }
    names.forEach(record -> {
      record.skip(4); // hash of the name
      MetadataCursor message = new MetadataCursor(file,
          heap.object(record.bytes(record.remaining())), heapAddress, "dense link message");
      out.add(Link.parse(file, message));
    });
  }
}
