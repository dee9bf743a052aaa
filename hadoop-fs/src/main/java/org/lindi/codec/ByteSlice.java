package org.lindi.codec;

import java.util.Arrays;

/** A read-only view of {@code length} bytes of an array starting at {@code offset}; never copies. */
public final class ByteSlice {
  public static final ByteSlice EMPTY = new ByteSlice(new byte[0], 0, 0);

  private final byte[] array;
  private final int offset;
  private final int length;

  public ByteSlice(byte[] array, int offset, int length) {
    if (offset < 0 || length < 0 || offset > array.length - length) {
      throw new IndexOutOfBoundsException(
          "slice [" + offset + ", " + offset + "+" + length + ") of an array of " + array.length);
    }
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  public static ByteSlice of(byte[] array) {
    return new ByteSlice(array, 0, array.length);
  }

  public byte[] array() {
    return array;
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  public byte get(int i) {
    return array[offset + i];
  }

  public ByteSlice slice(int from, int len) {
    return new ByteSlice(array, offset + from, len);
  }

  /** A fresh array holding these bytes. */
  public byte[] toArray() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  @Override
  public String toString() {
    return "ByteSlice[" + length + " bytes]";
  }
}
