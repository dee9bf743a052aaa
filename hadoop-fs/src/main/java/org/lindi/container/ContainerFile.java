package org.lindi.container;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.DocumentSource;
import org.lindi.rfs.ReferenceFileSystem;
import org.lindi.rfs.RfsParser;

/**
 * The file a container lives in, as seen at open: its length, bounded reads of the few regions a
 * container needs (header, index, RFS) through one stream opened on the first read, and errors
 * that name it. Closing it closes that stream; the container keeps no stream open.
 */
final class ContainerFile implements Closeable {
  private static final int READ_SLICE = 4 << 20;
  private final FileSystem fs;
  private final Path path;
  private final long length;
  private FSDataInputStream in;

  private ContainerFile(FileSystem fs, Path path, long length) {
    this.fs = fs;
    this.path = path;
    this.length = length;
  }

  static ContainerFile open(FileSystem fs, Path path) throws IOException {
    FileStatus status = fs.getFileStatus(path);
    if (status.isDirectory()) {
      throw new LindiFormatException("expected a file, found a directory",
          ErrorContext.ofFile(path.toString()));
    }
    return new ContainerFile(fs, path, status.getLen());
  }

  FileSystem fs() {
    return fs;
  }

  Path path() {
    return path;
  }

  long length() {
    return length;
  }

  /** One stream for all reads while opening: an open is a round trip on HDFS and object stores. */
  private FSDataInputStream in() throws IOException {
    if (in == null) {
      in = fs.open(path);
    }
    return in;
  }

  /** {@code n} bytes at {@code offset}; the range is checked against the length first. */
  byte[] read(long offset, int n, String what) throws IOException {
    byte[] buf = new byte[n];
    read(offset, buf, 0, n, what);
    return buf;
  }

  /** {@code n} bytes at {@code offset} into {@code buf[off, off + n)}; the range is checked first. */
  private void read(long offset, byte[] buf, int off, int n, String what) throws IOException {
    checkRange(offset, n, what);
    try {
      // In slices: a local file's read of n bytes goes through a native buffer of n bytes,
      // which for tens of MB costs ten times the copy (fresh pages on every read).
      for (int done = 0; done < n; done += READ_SLICE) {
        in().readFully(offset + done, buf, off + done, Math.min(READ_SLICE, n - done));
      }
    } catch (EOFException e) {
      throw error("truncated file: " + what + " [" + offset + ", " + (offset + n)
          + ") could not be read (the file shrank?)", e);
    }
  }

  /**
   * A stream of the bytes {@code [offset, offset + n)}, checked against the length first; valid
   * until the next read. Closing it leaves this file open.
   */
  InputStream stream(long offset, long n, String what) throws IOException {
    checkRange(offset, n, what);
    FSDataInputStream s = in();
    s.seek(offset);
    return new Bounded(s, n);
  }

  /** Parses the RFS document in {@code [offset, offset + n)} as a stream. */
  ReferenceFileSystem parseRfs(long offset, long n, String displayName) throws IOException {
    if (n <= RfsParser.IN_MEMORY_LIMIT) {
      // positioned reads of the known range, scanned through a window: for a document of tens of
      // MB, a byte[] of its size costs more to allocate and touch than the scan itself
      checkRange(offset, n, "RFS");
      return RfsParser.parse(new DocumentSource() {
        @Override
        public long length() {
          return n;
        }

        @Override
        public void read(long position, byte[] buf, int off, int len) throws IOException {
          ContainerFile.this.read(offset + position, buf, off, len, "RFS");
        }
      }, displayName);
    }
    try (InputStream in = stream(offset, n, "RFS")) {
      return RfsParser.parse(in, displayName);
    }
  }

  /** Fails unless {@code [offset, offset + n)} lies inside the file. */
  void checkRange(long offset, long n, String what) {
    if (offset < 0 || n < 0 || offset > length - n) {
      throw error("truncated file: " + what + " [" + offset + ", " + (offset + n)
          + ") ends past the end of the file (" + length + " bytes)");
    }
  }

  LindiFormatException error(String reason) {
    return new LindiFormatException(reason, ErrorContext.ofFile(path.toString()));
  }

  LindiFormatException error(String reason, Throwable cause) {
    return new LindiFormatException(reason, ErrorContext.ofFile(path.toString()), cause);
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
      in = null;
    }
  }

  @Override
  public String toString() {
    return path + " (" + length + " bytes)";
  }

  /** At most {@code remaining} bytes of a stream. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long remaining;

    Bounded(InputStream in, long remaining) {
      this.in = in;
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      if (b < 0) {
        throw new EOFException(remaining + " bytes of the region missing");
      }
      remaining--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new EOFException(remaining + " bytes of the region missing");
      }
      remaining -= n;
      return n;
    }
  }
}
