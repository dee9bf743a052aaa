package org.lindi.hdf5;

import java.nio.charset.StandardCharsets;

/** A named link of a group: hard (to an object header address), soft (to a path) or external. */
final class Link {
  enum Kind { HARD, SOFT, EXTERNAL, USER_DEFINED }

  final String name;
  final Kind kind;
  /** Object header address of a hard link. */
  final long address;
  /** Target path of a soft link, or "file:path" of an external link. */
  final String target;

  private Link(String name, Kind kind, long address, String target) {
    this.name = name;
    this.kind = kind;
    this.address = address;
    this.target = target;
  }

  static Link hard(String name, long address) {
    return new Link(name, Kind.HARD, address, null);
  }

  static Link soft(String name, String target) {
    return new Link(name, Kind.SOFT, MetadataReader.UNDEFINED, target);
  }

  /** Parses a link message (0x0006), from an object header or a dense-storage fractal heap. */
  static Link parse(MetadataReader file, MetadataCursor c) {
    int version = c.u8();
    if (version != 1) {
      throw file.corrupt("link message has unknown version " + version, c.address());
    }
    int flags = c.u8();
    int type = (flags & 0x08) != 0 ? c.u8() : 0;
    if ((flags & 0x04) != 0) {
      c.skip(8); // creation order
    }
    if ((flags & 0x10) != 0) {
      c.u8(); // character set of the name (ASCII or UTF-8)
    }
    long nameLength = c.count(1 << (flags & 0x03), "link name length");
    if (nameLength <= 0 || nameLength > c.remaining()) {
      throw file.corrupt("link message has a name of " + nameLength + " bytes", c.address());
    }
    String name = utf8(c.bytes((int) nameLength).toArray());
    switch (type) {
      case 0:
        return hard(name, c.address("link target object header"));
      case 1:
        return soft(name, utf8(c.bytes(c.u16()).toArray()));
      case 64: {
        byte[] info = c.bytes(c.u16()).toArray();
        return new Link(name, Kind.EXTERNAL, MetadataReader.UNDEFINED, externalTarget(info));
      }
      default:
        return new Link(name, Kind.USER_DEFINED, MetadataReader.UNDEFINED, "type " + type);
    }
  }

  /** External link info: a version/flags byte, then the file name and the object path, NUL-ended. */
  private static String externalTarget(byte[] info) {
    if (info.length < 1) {
      return "?";
    }
    String rest = new String(info, 1, info.length - 1, StandardCharsets.UTF_8);
    String[] parts = rest.split("\0", -1);
    return parts.length >= 2 ? parts[0] + ":" + parts[1] : rest;
  }

  static String utf8(byte[] b) {
    int end = b.length;
    while (end > 0 && b[end - 1] == 0) {
      end--;
    }
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Link[" + name + ", " + kind + (kind == Kind.HARD ? " 0x" + Long.toHexString(address)
        : " " + target) + "]";
  }
}
