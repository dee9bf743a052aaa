package org.lindi.hdf5;

/** Reads the fill value from a fill value message (0x0005, versions 1 to 3) or the old one (0x0004). */
final class FillValueMessage {
  private FillValueMessage() {}

  /** The raw fill value bytes in the dataset's byte order, or null when none is defined. */
  static byte[] parse(MetadataReader file, HeaderMessage m) {
    MetadataCursor c = m.cursor(file, "fill value message");
    if (m.type == HeaderMessage.FILL_VALUE_OLD) {
      return value(file, c, m);
    }
    int version = c.u8();
    switch (version) {
      case 1:
      case 2: {
        c.u8(); // space allocation time
        c.u8(); // fill value write time
        int defined = c.u8();
        if (version == 2 && defined == 0) {
          return null;
        }
        return c.remaining() >= 4 ? value(file, c, m) : null;
      }
      case 3: {
        int flags = c.u8();
        if ((flags & 0x20) == 0) {
          return null;
        }
        return value(file, c, m);
      }
      default:
        throw file.unsupported("fill value message version " + version + " is not supported");
    }
  }

  private static byte[] value(MetadataReader file, MetadataCursor c, HeaderMessage m) {
    long size = c.u32();
    if (size > c.remaining()) {
      throw file.corrupt("fill value message claims " + size + " bytes but holds "
          + c.remaining(), m.address);
    }
    return size == 0 ? null : c.bytes((int) size).toArray();
  }
}
