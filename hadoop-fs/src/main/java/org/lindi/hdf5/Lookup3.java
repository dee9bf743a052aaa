package org.lindi.hdf5;

/** Bob Jenkins' lookup3 {@code hashlittle}, the checksum of every HDF5 version 2 structure. */
final class Lookup3 {
  private Lookup3() {}

  static int hash(byte[] key, int offset, int length, int initval) {
    int a = 0xdeadbeef + length + initval;
    int b = a;
    int c = a;
    int k = offset;
    int n = length;
    while (n > 12) {
      a += word(key, k);
      b += word(key, k + 4);
      c += word(key, k + 8);
      // mix(a, b, c)
      a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
      b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
      c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
      a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
      b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
      c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
      n -= 12;
      k += 12;
    }
    if (n == 0) {
      return c;
    }
    // the last 1..12 bytes, byte by byte (no over-read of the array)
    for (int i = n - 1; i >= 0; i--) {
      int v = (key[k + i] & 0xff) << (8 * (i % 4));
      if (i >= 8) {
        c += v;
      } else if (i >= 4) {
        b += v;
      } else {
        a += v;
      }
    }
    // final(a, b, c)
    c ^= b; c -= Integer.rotateLeft(b, 14);
    a ^= c; a -= Integer.rotateLeft(c, 11);
    b ^= a; b -= Integer.rotateLeft(a, 25);
    c ^= b; c -= Integer.rotateLeft(b, 16);
    a ^= c; a -= Integer.rotateLeft(c, 4);
    b ^= a; b -= Integer.rotateLeft(a, 14);
    c ^= b; c -= Integer.rotateLeft(b, 24);
    return c;
  }

  private static int word(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
  }
}
