package org.lindi.hdf5;

import org.lindi.codec.ByteSlice;

/** One message of an object header: its type, flags and body bytes, and where the body starts. */
final class HeaderMessage {
  static final int DATASPACE = 0x0001;
  static final int LINK_INFO = 0x0002;
  static final int DATATYPE = 0x0003;
  static final int FILL_VALUE_OLD = 0x0004;
  static final int FILL_VALUE = 0x0005;
  static final int LINK = 0x0006;
  static final int EXTERNAL_FILES = 0x0007;
  static final int DATA_LAYOUT = 0x0008;
  static final int FILTER_PIPELINE = 0x000B;
  static final int CONTINUATION = 0x0010;
  static final int SYMBOL_TABLE = 0x0011;

  /** Message flag bit 1: the body is a reference to a message stored elsewhere (shared). */
  static final int FLAG_SHARED = 0x02;

  final int type;
  final int flags;
  final ByteSlice body;
  final long address;

  HeaderMessage(int type, int flags, ByteSlice body, long address) {
    this.type = type;
    this.flags = flags;
    this.body = body;
    this.address = address;
  }

  boolean shared() {
    return (flags & FLAG_SHARED) != 0;
  }

  MetadataCursor cursor(MetadataReader file, String structure) {
    return new MetadataCursor(file, body, address, structure);
  }

  @Override
  public String toString() {
    return "HeaderMessage[type=0x" + Integer.toHexString(type) + ", " + body.length() + " bytes at 0x"
        + Long.toHexString(address) + "]";
  }
}
