package org.lindi.codec;

import org.lindi.error.CodecException;

/**
 * The item table of a numcodecs vlen chunk ({@code vlen-utf8}, {@code vlen-bytes}): every count
 * and length is checked against the bytes that are really there before anything is allocated.
 */
final class VlenItems {
  private final int[] offsets;
  private final int[] lengths;

  private VlenItems(int[] offsets, int[] lengths) {
    this.offsets = offsets;
    this.lengths = lengths;
  }

  static VlenItems read(String codec, ByteSlice encoded, DecodeContext ctx) {
    byte[] b = encoded.array();
    int pos = encoded.offset();
    int end = pos + encoded.length();
    if (encoded.length() < 4) {
      throw new CodecException(codec + ": chunk of " + encoded.length() + " bytes has no 4-byte item count");
    }
    int n = le32(b, pos);
    pos += 4;
    // every item needs at least its 4-byte length
    if (n < 0 || n > (end - pos) / 4) {
      throw new CodecException(codec + ": item count " + Integer.toUnsignedString(n) + " does not fit in "
          + encoded.length() + " bytes");
    }
    if (ctx.elementCount() >= 0 && n != ctx.elementCount()) {
      throw new CodecException(codec + ": chunk holds " + n + " items, the array's chunk shape has " + ctx.elementCount());
    }
    int[] offsets = new int[n];
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      if (end - pos < 4) {
        throw new CodecException(codec + ": truncated chunk: item " + i + " of " + n + " has no length");
      }
      int len = le32(b, pos);
      pos += 4;
      if (len < 0 || len > end - pos) {
        throw new CodecException(codec + ": truncated chunk: item " + i + " claims " + Integer.toUnsignedString(len)
            + " bytes, " + (end - pos) + " remain");
      }
      offsets[i] = pos;
      lengths[i] = len;
      pos += len;
    }
    return new VlenItems(offsets, lengths);
  }

  private static int le32(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
  }

  int count() {
    return offsets.length;
  }

  int offset(int i) {
    return offsets[i];
  }

  int length(int i) {
    return lengths[i];
  }
}
