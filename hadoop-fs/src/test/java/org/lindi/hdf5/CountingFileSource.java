package org.lindi.hdf5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lindi.codec.ByteSlice;
import org.lindi.error.LindiFormatException;

/** A {@link ByteSource} over a local file that counts the reads and bytes the reader asks for. */
final class CountingFileSource implements ByteSource, AutoCloseable {
  private final FileChannel channel;
  private final long size;
  private int reads;
  private long bytes;

  CountingFileSource(Path path) {
    try {
      this.channel = FileChannel.open(path, StandardOpenOption.READ);
      this.size = channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CountingFileSource of(byte[] content) {
    try {
      Path tmp = java.nio.file.Files.createTempFile("hdf5-test", ".h5");
      tmp.toFile().deleteOnExit();
      java.nio.file.Files.write(tmp, content);
      return new CountingFileSource(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ByteSlice read(long offset, int length) {
    if (offset < 0 || length < 0 || offset + length > size) {
      throw new LindiFormatException("read [" + offset + ", +" + length + ") past the end of "
          + size + " bytes");
    }
    reads++;
    bytes += length;
    ByteBuffer buf = ByteBuffer.allocate(length);
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, offset + buf.position());
        if (n < 0) {
          throw new LindiFormatException("unexpected end of file at " + (offset + buf.position()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ByteSlice.of(buf.array());
  }

  @Override
  public long size() {
    return size;
  }

  int reads() {
    return reads;
  }

  long bytesRead() {
    return bytes;
  }

  /** Reads bytes for the test itself without counting them. */
  byte[] slurp(long offset, long length) {
    int r = reads;
    long b = bytes;
    byte[] out = read(offset, Math.toIntExact(length)).toArray();
    reads = r;
    bytes = b;
    return out;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
