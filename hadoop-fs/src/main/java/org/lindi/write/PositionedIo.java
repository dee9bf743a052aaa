package org.lindi.write;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Whole positioned reads and writes on a {@link FileChannel} (one write call where possible). */
final class PositionedIo {
  private static final int ZERO_BLOCK = 1 << 20;

  private PositionedIo() {}

  static void write(FileChannel ch, long position, byte[] bytes) throws IOException {
    write(ch, position, bytes, 0, bytes.length);
  }

  static void write(FileChannel ch, long position, byte[] bytes, int off, int len)
      throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes, off, len);
    long p = position;
    while (b.hasRemaining()) {
      p += ch.write(b, p);
    }
  }

  /** Writes {@code n} NUL bytes at {@code position}. */
  static void writeZeros(FileChannel ch, long position, long n) throws IOException {
    byte[] zeros = new byte[(int) Math.min(n, ZERO_BLOCK)];
    long p = position;
    long left = n;
    while (left > 0) {
      int len = (int) Math.min(left, zeros.length);
      write(ch, p, zeros, 0, len);
      p += len;
      left -= len;
    }
  }

  static byte[] read(FileChannel ch, long position, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    long p = position;
    while (b.hasRemaining()) {
      int r = ch.read(b, p);
      if (r < 0) {
        throw new EOFException(n + " bytes at " + position + " reach past the end of the file");
      }
      p += r;
    }
    return b.array();
  }
}
