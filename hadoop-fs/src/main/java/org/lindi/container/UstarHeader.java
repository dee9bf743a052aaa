package org.lindi.container;

import java.nio.charset.StandardCharsets;

/** One 512-byte POSIX ustar (or GNU / pax) header block: name, size, type; checksum verified. */
final class UstarHeader {
  static final int BLOCK = 512;

  /** Regular file types: '0', the old '\0', and contiguous '7'. */
  private static final String FILE_TYPES = "0\u00007";

  private final String name;
  private final long size;
  private final char type;

  private UstarHeader(String name, long size, char type) {
    this.name = name;
    this.size = size;
    this.type = type;
  }

  /**
   * Parses the block at {@code block[off, off + 512)}.
   *
   * @throws IllegalArgumentException with the reason when the checksum, magic or size is invalid
   */
  static UstarHeader parse(byte[] block, int off) {
    long stored = octal(block, off + 148, 8, "checksum");
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      byte b = (i >= 148 && i < 156) ? (byte) ' ' : block[off + i];
      unsigned += b & 0xff;
      signed += b;
    }
    // Some historic tars summed signed bytes; both are accepted, as GNU tar does.
    if (stored != unsigned && stored != signed) {
      throw new IllegalArgumentException("header checksum " + stored + " does not match the"
          + " header bytes (" + unsigned + ")");
    }
    if (!"ustar".equals(text(block, off + 257, 5))) {
      throw new IllegalArgumentException("no ustar magic");
    }
    String name = text(block, off, 100);
    String prefix = text(block, off + 345, 155);
    if (!prefix.isEmpty() && block[off + 262] == 0) {
      name = prefix + "/" + name;
    }
    return new UstarHeader(name, size(block, off + 124), (char) block[off + 156]);
  }

  /** An all-NUL block: the end-of-archive marker. */
  static boolean isZeroBlock(byte[] block, int off) {
    for (int i = 0; i < BLOCK; i++) {
      if (block[off + i] != 0) {
        return false;
      }
    }
    return true;
  }

  String name() {
    return name;
  }

  long size() {
    return size;
  }

  char type() {
    return type;
  }

  boolean isFile() {
    return FILE_TYPES.indexOf(type) >= 0;
  }

  /** A pax extended header ('x') that applies to the next member. */
  boolean isPaxHeader() {
    return type == 'x';
  }

  /** A pax global header ('g'): applies to all later members; LINDI does not write them. */
  boolean isPaxGlobalHeader() {
    return type == 'g';
  }

  /** A GNU long name ('L') for the next member. */
  boolean isGnuLongName() {
    return type == 'L';
  }

  private static long size(byte[] block, int off) {
    if ((block[off] & 0x80) != 0) {
      // GNU base-256 for sizes of 8 GiB and more.
      long v = block[off] & 0x7f;
      for (int i = 1; i < 12; i++) {
        if (v > (Long.MAX_VALUE >> 8)) {
          throw new IllegalArgumentException("entry size does not fit in 63 bits");
        }
        v = (v << 8) | (block[off + i] & 0xff);
      }
      return v;
    }
    return octal(block, off, 12, "size");
  }

  private static long octal(byte[] block, int off, int len, String field) {
    long v = 0;
    int i = 0;
    while (i < len && block[off + i] == ' ') {
      i++;
    }
    int digits = 0;
    for (; i < len; i++) {
      byte b = block[off + i];
      if (b == 0 || b == ' ') {
        break;
      }
      if (b < '0' || b > '7' || digits >= 21) {
        throw new IllegalArgumentException("invalid octal " + field + " field");
      }
      v = v * 8 + (b - '0');
      digits++;
    }
    if (digits == 0) {
      throw new IllegalArgumentException("empty " + field + " field");
    }
    return v;
  }

  private static String text(byte[] block, int off, int len) {
    int n = 0;
    while (n < len && block[off + n] != 0) {
      n++;
    }
    return new String(block, off, n, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "UstarHeader[" + name + ", size=" + size + ", type=" + type + "]";
  }
}
