package org.lindi.hdf5;

import java.nio.charset.StandardCharsets;
import org.lindi.codec.ByteSlice;

/**
 * Reads the little-endian fields of one HDF5 metadata structure that was fetched as a whole; every
 * read is bounds checked, so a structure that claims more fields than its bytes gives a
 * {@link org.lindi.error.LindiFormatException} naming it, never an index error.
 */
final class MetadataCursor {
  private final MetadataReader file;
  private final ByteSlice bytes;
  private final long address;
  private final String structure;
  private int pos;

  MetadataCursor(MetadataReader file, ByteSlice bytes, long address, String structure) {
    this.file = file;
    this.bytes = bytes;
    this.address = address;
    this.structure = structure;
  }

  /** File address of the first byte of this structure. */
  long address() {
    return address;
  }

  String structure() {
    return structure;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return bytes.length() - pos;
  }

  int length() {
    return bytes.length();
  }

  MetadataCursor seek(int position) {
    if (position < 0 || position > bytes.length()) {
      throw file.corrupt(structure + " field at offset " + position + " lies outside its "
          + bytes.length() + " bytes", address);
    }
    pos = position;
    return this;
  }

  MetadataCursor skip(int n) {
    return seek(pos + n);
  }

  private void need(int n) {
    if (n < 0 || n > bytes.length() - pos) {
      throw file.corrupt(structure + " is truncated: needs " + n + " more bytes at offset " + pos
          + " of " + bytes.length(), address);
    }
  }

  int u8() {
    need(1);
    return bytes.get(pos++) & 0xff;
  }

  int u16() {
    return (int) uint(2);
  }

  long u32() {
    return uint(4);
  }

  /** An unsigned little-endian integer of {@code width} bytes (0 to 8); 8 bytes may be negative. */
  long uint(int width) {
    need(width);
    long v = 0;
    for (int i = 0; i < width; i++) {
      v |= (bytes.get(pos + i) & 0xffL) << (8 * i);
    }
    pos += width;
    return v;
  }

  /** An unsigned value of {@code width} bytes that must fit a non-negative long. */
  long count(int width, String what) {
    long v = uint(width);
    if (v < 0) {
      throw file.corrupt(structure + " has an impossible " + what, address);
    }
    return v;
  }

  /** An address field; {@link MetadataReader#UNDEFINED} for the all-ones "undefined address". */
  long address(String what) {
    return file.decodeAddress(uint(file.sizeOfOffsets()), this, what);
  }

  /** A length field (of "size of lengths" bytes). */
  long lengthField(String what) {
    long v = uint(file.sizeOfLengths());
    if (v < 0) {
      throw file.corrupt(structure + " has an impossible " + what, address);
    }
    return v;
  }

  /** True when the next "size of lengths" bytes are all ones (an unlimited maximum dimension). */
  boolean nextLengthIsUndefined() {
    int w = file.sizeOfLengths();
    need(w);
    for (int i = 0; i < w; i++) {
      if (bytes.get(pos + i) != (byte) 0xff) {
        return false;
      }
    }
    return true;
  }

  ByteSlice bytes(int n) {
    need(n);
    ByteSlice s = bytes.slice(pos, n);
    pos += n;
    return s;
  }

  String ascii(int n) {
    ByteSlice s = bytes(n);
    return new String(s.array(), s.offset(), s.length(), StandardCharsets.ISO_8859_1);
  }

  /** An error about this structure, naming its address. */
  org.lindi.error.LindiFormatException corrupt(String reason) {
    return file.corrupt(reason, address);
  }

  /** Checks the 4-byte signature that opens most HDF5 metadata structures. */
  MetadataCursor expectSignature(String signature) {
    if (remaining() < 4 || !ascii(4).equals(signature)) {
      pos = 0;
      throw file.corrupt("bad " + structure + " signature at 0x" + Long.toHexString(address)
          + ": expected '" + signature + "', found " + printable(0, Math.min(4, bytes.length())),
          address);
    }
    return this;
  }

  /** Checks the lookup3 checksum that follows bytes [0, position) of this structure. */
  MetadataCursor verifyChecksum() {
    int end = pos;
    long stored = u32();
    int computed = Lookup3.hash(bytes.array(), bytes.offset(), end, 0);
    if ((int) stored != computed) {
      throw file.corrupt("bad checksum of " + structure + " at 0x" + Long.toHexString(address),
          address);
    }
    return this;
  }

  private String printable(int from, int n) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < n; i++) {
      int c = bytes.get(from + i) & 0xff;
      sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return sb.append('\'').toString();
  }
}
