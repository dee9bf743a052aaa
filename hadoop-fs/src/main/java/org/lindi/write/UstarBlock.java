package org.lindi.write;

import java.nio.charset.StandardCharsets;

/**
 * The 512-byte POSIX ustar header LINDI writes for each member (mode 0644, uid/gid 0, mtime 0,
 * regular file), and renaming a member in place as LINDI's {@code _change_name_of_file} does.
 * Names longer than 100 bytes use the ustar prefix field.
 */
final class UstarBlock {
  static final int BLOCK = 512;
  /** Largest size 11 octal digits hold. */
  static final long MAX_SIZE = 077777777777L;

  private UstarBlock() {}

  /** {@code n} rounded up to whole 512-byte blocks. */
  static long padded(long n) {
    return (n + BLOCK - 1) / BLOCK * BLOCK;
  }

  /** Whether {@code name} fits a ustar header (name field, or prefix + name split at a slash). */
  static boolean fits(String name) {
    return split(name.getBytes(StandardCharsets.UTF_8)) >= -1;
  }

  /** A header for a member of {@code size} bytes named {@code name}. */
  static byte[] header(String name, long size) {
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("tar member size " + size + " does not fit a ustar header");
    }
    byte[] h = new byte[BLOCK];
    ascii(h, 100, "0000644\0");
    ascii(h, 108, "0000000\0");
    ascii(h, 116, "0000000\0");
    ascii(h, 124, String.format("%011o", size) + "\0");
    ascii(h, 136, "00000000000\0");
    h[156] = '0';
    ascii(h, 257, "ustar\0");
    ascii(h, 263, "00");
    setName(h, name);
    return h;
  }

  /** Sets the name (and prefix) fields of {@code header} and fixes its checksum. */
  static void setName(byte[] header, String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    int cut = split(b);
    if (cut < -1) {
      throw new IllegalArgumentException("tar member name of " + b.length + " bytes does not fit "
          + "a ustar header: " + name);
    }
    java.util.Arrays.fill(header, 0, 100, (byte) 0);
    java.util.Arrays.fill(header, 345, 500, (byte) 0);
    if (cut == -1) {
      System.arraycopy(b, 0, header, 0, b.length);
    } else {
      System.arraycopy(b, 0, header, 345, cut);
      System.arraycopy(b, cut + 1, header, 0, b.length - cut - 1);
    }
    checksum(header);
  }

  /** -1: the name fits the name field; k >= 0: prefix is {@code b[0, k)}; -2: it does not fit. */
  private static int split(byte[] b) {
    if (b.length <= 100) {
      return -1;
    }
    for (int k = Math.min(b.length - 2, 155); k > 0; k--) {
      if (b[k] == '/' && b.length - k - 1 <= 100) {
        return k;
      }
    }
    return -2;
  }

  /** Six octal digits, NUL, space: the checksum as LINDI and GNU tar write it. */
  static void checksum(byte[] header) {
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte x : header) {
      sum += x & 0xff;
    }
    ascii(header, 148, String.format("%06o", sum) + "\0 ");
  }

  private static void ascii(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }
}
