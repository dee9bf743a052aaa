package org.lindi.io;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.FileSystem;

/**
 * A seekable stream over an HTTP resource: sequential reads go through a read-ahead buffer filled
 * by range requests, positioned reads request exactly their range (and are thread-safe), and
 * vectored reads (Hadoop 3.3.5 and later, see {@link PooledVectoredInputStream}) run their ranges in
 * parallel on the filesystem's pool.
 */
final class HttpRangeInputStream extends PooledVectoredInputStream {
  private final HttpRangeClient client;
  private final URI uri;
  private final int readAhead;
  private final Supplier<ExecutorService> vectoredPool;
  private final FileSystem.Statistics statistics;
  private long pos;
  private byte[] buffer;
  private long bufferStart;
  private int bufferLength;
  private volatile boolean closed;

  /** @param statistics the filesystem's counters (Spark's input metrics read them); may be null */
  HttpRangeInputStream(HttpRangeClient client, URI uri, int readAhead,
      Supplier<ExecutorService> vectoredPool, FileSystem.Statistics statistics) {
    this.client = client;
    this.uri = uri;
    this.readAhead = readAhead;
    this.vectoredPool = vectoredPool;
    this.statistics = statistics;
  }

  /** One range request: counted in the filesystem statistics. */
  private int fetch(long position, byte[] b, int off, int len) throws IOException {
    int n = client.read(uri, position, b, off, len);
    if (statistics != null) {
      statistics.incrementReadOps(1);
      if (n > 0) {
        statistics.incrementBytesRead(n);
      }
    }
    return n;
  }

  @Override
  public synchronized void seek(long target) throws IOException {
    checkOpen();
    if (target < 0) {
      throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + ": " + target + " in " + uri);
    }
    pos = target; // past the end shows up as -1 from the next read: no request just to seek
  }

  @Override
  public synchronized long getPos() {
    return pos;
  }

  @Override
  public boolean seekToNewSource(long targetPos) {
    return false;
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    checkOpen();
    if (off < 0 || len < 0 || len > b.length - off) {
      throw new IndexOutOfBoundsException("read of " + len + " at " + off + " into " + b.length);
    }
    if (len == 0) {
      return 0;
    }
    if (buffer != null && pos >= bufferStart && pos < bufferStart + bufferLength) {
      return copyFromBuffer(b, off, len);
    }
    if (len >= readAhead) {
      int n = fetch(pos, b, off, len);
      if (n > 0) {
        pos += n;
      }
      return n;
    }
    if (buffer == null) {
      buffer = new byte[readAhead];
    }
    int n = fetch(pos, buffer, 0, readAhead);
    if (n <= 0) {
      bufferLength = 0;
      return -1;
    }
    bufferStart = pos;
    bufferLength = n;
    return copyFromBuffer(b, off, len);
  }

  private int copyFromBuffer(byte[] b, int off, int len) {
    int from = (int) (pos - bufferStart);
    int n = Math.min(len, bufferLength - from);
    System.arraycopy(buffer, from, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int read(long position, byte[] b, int off, int len) throws IOException {
    checkOpen();
    validatePositionedReadArgs(position, b, off, len);
    return len == 0 ? 0 : fetch(position, b, off, len);
  }

  @Override
  public void readFully(long position, byte[] b, int off, int len) throws IOException {
    validatePositionedReadArgs(position, b, off, len);
    int done = 0;
    while (done < len) {
      int n = read(position + done, b, off + done, len - done);
      if (n < 0) {
        throw new EOFException(FSExceptionMessages.EOF_IN_READ_FULLY + ": " + len + " bytes at "
            + position + " of " + uri);
      }
      done += n;
    }
  }

  @Override
  ExecutorService vectoredPool() {
    return vectoredPool.get();
  }

  @Override
  String source() {
    return uri.toString();
  }

  @Override
  public synchronized int available() throws IOException {
    checkOpen();
    boolean inBuffer = buffer != null && pos >= bufferStart && pos < bufferStart + bufferLength;
    return inBuffer ? (int) (bufferStart + bufferLength - pos) : 0;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      buffer = null;
      bufferLength = 0;
    }
  }

  @Override
  void checkOpen() throws IOException {
    if (closed) {
      throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + uri);
    }
  }

  @Override
  public String toString() {
    return "HttpRangeInputStream[" + uri + ", pos=" + pos + "]";
  }
}
