package org.lindi.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathAccessDeniedException;
import org.apache.hadoop.fs.PathNotFoundException;
import org.apache.hadoop.fs.PathPermissionException;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.util.functional.FutureIO;
import org.lindi.codec.ByteSlice;
import org.lindi.container.FileRange;
import org.lindi.error.ChunkFetchException;
import org.lindi.error.ErrorContext;
import org.lindi.error.RefOutOfBoundsException;
import org.lindi.error.UnsupportedFeatureException;

/**
 * Reads the bytes of {@link FileRange}s through Hadoop {@code FileSystem}s: ranges are checked
 * against the file size first, ranges of one file that lie close together are coalesced into one
 * read, streams that support it get all reads of a file as one {@code readVectored} call, and
 * transient failures are retried with backoff. Keeps one open stream per file (up to {@link
 * RangeReadOptions#maxOpenFiles()}) for its life. Not thread-safe: one per reader thread or task.
 */
public final class ChunkRangeReader implements Closeable {
  /** Hadoop's read policy option: tells object stores not to prefetch sequentially. */
  private static final String READ_POLICY_KEY = "fs.option.openfile.read.policy";

  /** Sizes of files seen; only bounds memory for a container of millions of files. */
  private static final int MAX_CACHED_SIZES = 100_000;

  private final Configuration conf;
  private final RangeReadOptions options;
  private final Backoff backoff;
  private final ReadStatistics stats;
  private final Map<Path, FileStatus> statuses = new HashMap<>();
  private final LinkedHashMap<Path, OpenStream> streams;
  private boolean closed;

  /** With the options of {@code conf} ({@link RangeReadOptions#fromConfiguration}). */
  public ChunkRangeReader(Configuration conf) {
    this(conf, RangeReadOptions.fromConfiguration(conf), new ReadStatistics());
  }

  /**
   * @param conf reaches the filesystems; when it names no implementation for http(s), a copy
   *     with {@link HttpRangeFileSystem} registered is used (Hadoop's own cannot seek)
   * @param stats counters to fill; may be shared by several readers
   */
  public ChunkRangeReader(Configuration conf, RangeReadOptions options, ReadStatistics stats) {
    this.conf = withHttpRanges(conf);
    this.options = options;
    this.backoff = options.backoff();
    this.stats = stats;
    int max = options.maxOpenFiles();
    this.streams = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Path, OpenStream> eldest) {
        if (size() > max) {
          eldest.getValue().close();
          return true;
        }
        return false;
      }
    };
  }

  private static Configuration withHttpRanges(Configuration conf) {
    if (HttpRangeFileSystem.isConfigured(conf)) {
      return conf;
    }
    Configuration copy = new Configuration(conf);
    HttpRangeFileSystem.register(copy);
    return copy;
  }

  public ReadStatistics statistics() {
    return stats;
  }

  public RangeReadOptions options() {
    return options;
  }

  /** The bytes of one range. */
  public ByteSlice read(FileRange range) {
    return readAll(List.of(range)).get(0);
  }

  /**
   * The bytes of every range, in request order. All ranges are checked against their file sizes
   * before anything is read, so a bad ref fails fast; then each file is read with the fewest reads
   * that coalescing allows. Slices of coalesced ranges share one buffer.
   *
   * @throws RefOutOfBoundsException a range past the end of its file (names url, range, size)
   * @throws ChunkFetchException a file that is missing, unreadable, or fails after all retries
   */
  public List<ByteSlice> readAll(List<FileRange> ranges) {
    return readAll(ranges, null);
  }

  /**
   * {@link #readAll(List)}, the positioned reads going into {@code arena} (when not null) rather
   * than new arrays: the slices returned are then valid until the arena's next reset.
   */
  public List<ByteSlice> readAll(List<FileRange> ranges, ReadArena arena) {
    if (closed) {
      throw new IllegalStateException("ChunkRangeReader is closed");
    }
    int n = ranges.size();
    stats.recordRanges(n);
    long start = System.nanoTime();
    try {
      long[] offsets = new long[n];
      long[] lengths = new long[n];
      Map<Path, List<Integer>> byFile = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        byFile.computeIfAbsent(ranges.get(i).path(), p -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<Path, List<Integer>> e : byFile.entrySet()) {
        long size = fileSize(e.getKey(), ranges.get(e.getValue().get(0)));
        for (int i : e.getValue()) {
          FileRange r = ranges.get(i);
          offsets[i] = r.offset();
          lengths[i] = checkedLength(r, size);
        }
      }
      ByteSlice[] out = new ByteSlice[n];
      for (Map.Entry<Path, List<Integer>> e : byFile.entrySet()) {
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i : e.getValue()) {
          if (lengths[i] == 0) {
            out[i] = ByteSlice.EMPTY;
          } else {
            nonEmpty.add(i);
          }
        }
        List<CoalescedRead> reads = CoalescedRead.plan(offsets, lengths, nonEmpty,
            options.maxGapBytes(), options.maxMergedBytes());
        readFile(e.getKey(), reads, offsets, lengths, out, arena);
      }
      return Collections.unmodifiableList(Arrays.asList(out));
    } finally {
      stats.recordFetchNanos(System.nanoTime() - start);
    }
  }

  /** The size of a file, fetched once (and retried like a read). */
  public long fileSize(Path path) {
    return fileSize(path, new FileRange(path, 0, -1));
  }

  private long fileSize(Path path, FileRange context) {
    FileStatus st = statuses.get(path);
    if (st == null) {
      st = retrying(path, context.offset(), context.length(), 0, () -> {
        FileSystem fs = path.getFileSystem(conf);
        return fs.getFileStatus(path);
      });
      if (st.isDirectory()) {
        throw new ChunkFetchException("the ref points at a directory, not a file",
            rangeContext(path, context.offset(), context.length()));
      }
      if (statuses.size() >= MAX_CACHED_SIZES) {
        statuses.clear();
      }
      statuses.put(path, st);
    }
    return st.getLen();
  }

  private long checkedLength(FileRange r, long size) {
    long off = r.offset();
    long len = r.length();
    if (off < 0 || len < -1) {
      throw new RefOutOfBoundsException("ref out of bounds: negative offset or length",
          rangeContext(r.path(), off, len));
    }
    if (off > size || (len >= 0 && len > size - off)) {
      throw new RefOutOfBoundsException("ref out of bounds: bytes [" + off + ", "
          + (len >= 0 ? String.valueOf(off + len) : "EOF") + ") of " + r.path()
          + " lie past the end of the file, which is " + size + " bytes long",
          rangeContext(r.path(), off, len));
    }
    long actual = len >= 0 ? len : size - off;
    if (actual > RangeReadOptions.MAX_READ_BYTES) {
      throw new UnsupportedFeatureException("a ref of " + actual
          + " bytes is larger than the 2 GiB one chunk may hold", rangeContext(r.path(), off, len));
    }
    return actual;
  }

  private void readFile(Path path, List<CoalescedRead> reads, long[] offsets, long[] lengths,
      ByteSlice[] out, ReadArena arena) {
    if (reads.isEmpty()) {
      return;
    }
    ByteSlice[] data = null;
    if (options.vectoredReads() && reads.size() > 1
        && VectoredReads.available()
        && stream(path, reads.get(0)).hasCapability(VectoredReads.CAPABILITY)) {
      data = readVectored(path, reads);
    }
    for (int k = 0; k < reads.size(); k++) {
      CoalescedRead r = reads.get(k);
      ByteSlice bytes = data != null && data[k] != null ? data[k] : readPositioned(path, r,
          data != null ? 1 : 0, arena);
      for (int m : r.members()) {
        out[m] = bytes.slice(Math.toIntExact(offsets[m] - r.offset()), (int) lengths[m]);
      }
    }
  }

  /**
   * All reads of a file in one vectored call. A read that fails with a transient error is left
   * null (and counted as a retry) for the positioned path to try again.
   */
  private ByteSlice[] readVectored(Path path, List<CoalescedRead> reads) {
    long[] offsets = new long[reads.size()];
    int[] lengths = new int[reads.size()];
    for (int k = 0; k < reads.size(); k++) {
      offsets[k] = reads.get(k).offset();
      lengths[k] = reads.get(k).length();
    }
    ByteSlice[] data = new ByteSlice[reads.size()];
    List<CompletableFuture<ByteBuffer>> vector;
    try {
      vector = VectoredReads.start(stream(path, reads.get(0)), offsets, lengths, ByteBuffer::allocate);
    } catch (IOException | RuntimeException e) {
      return null; // the stream refused the call itself: read each range the positioned way
    }
    boolean failed = false;
    for (int k = 0; k < reads.size(); k++) {
      CoalescedRead r = reads.get(k);
      try {
        data[k] = toSlice(vector.get(k).get(), r.length());
        stats.recordRequest(r.length());
      } catch (ExecutionException e) {
        IOException io = e.getCause() instanceof IOException
            ? (IOException) e.getCause() : new IOException(e.getCause());
        if (isPermanent(io)) {
          throw fetchFailed(path, r.offset(), r.length(), 1, io);
        }
        stats.recordRetry();
        failed = true;
      } catch (IOException e) {
        stats.recordRetry();
        failed = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fetchFailed(path, r.offset(), r.length(), 1, new InterruptedIOException(
            "interrupted while waiting for a vectored read"));
      }
    }
    if (failed) {
      closeStream(path); // it may be broken; the positioned retries open a fresh one
    }
    return data;
  }

  private static ByteSlice toSlice(ByteBuffer b, int length) throws IOException {
    if (b.remaining() != length) {
      throw new IOException("vectored read returned " + b.remaining() + " bytes, not " + length);
    }
    if (b.hasArray()) {
      return new ByteSlice(b.array(), b.arrayOffset() + b.position(), length);
    }
    byte[] copy = new byte[length];
    b.duplicate().get(copy);
    return ByteSlice.of(copy);
  }

  private ByteSlice readPositioned(Path path, CoalescedRead r, int priorFailures, ReadArena arena) {
    ByteSlice buf = arena != null ? arena.allocate(r.length()) : ByteSlice.of(new byte[r.length()]);
    retrying(path, r.offset(), r.length(), priorFailures, () -> {
      stream(path, r).readFully(r.offset(), buf.array(), buf.offset(), r.length());
      return null;
    });
    stats.recordRequest(r.length());
    return buf;
  }

  /** The open stream of a file, opened (with retries) on first use. */
  private FSDataInputStream stream(Path path, CoalescedRead forRead) {
    OpenStream s = streams.get(path);
    if (s == null) {
      FileStatus st = statuses.get(path);
      FSDataInputStream in = retrying(path, forRead.offset(), forRead.length(), 0,
          () -> open(path, st));
      s = new OpenStream(in);
      streams.put(path, s);
    }
    return s.in;
  }

  private FSDataInputStream open(Path path, FileStatus st) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    var builder = fs.openFile(path).opt(READ_POLICY_KEY, "vector, random, adaptive");
    if (st != null) {
      builder.withFileStatus(st); // spares object stores a second HEAD request
    }
    return FutureIO.awaitFuture(builder.build());
  }

  private void closeStream(Path path) {
    OpenStream s = streams.remove(path);
    if (s != null) {
      s.close();
    }
  }

  /** Runs {@code call}, retrying transient failures with backoff. */
  private <T> T retrying(Path path, long offset, long length, int priorFailures, IoCall<T> call) {
    int failures = priorFailures;
    while (true) {
      try {
        return call.run();
      } catch (IOException e) {
        failures++;
        if (isPermanent(e) || failures >= backoff.maxAttempts()) {
          throw fetchFailed(path, offset, length, failures, e);
        }
        stats.recordRetry();
        closeStream(path); // a stream that failed may be broken: the next attempt opens anew
        try {
          backoff.sleepAfter(failures);
        } catch (InterruptedIOException ie) {
          throw fetchFailed(path, offset, length, failures, ie);
        }
      }
    }
  }

  /**
   * Failures that another attempt cannot fix: missing files, denied access, end of file (the file
   * changed since its size was checked), an interrupted thread, and HTTP statuses (which {@link
   * HttpRangeFileSystem} has already retried when that could help).
   */
  static boolean isPermanent(IOException e) {
    return e instanceof FileNotFoundException || e instanceof NoSuchFileException
        || e instanceof HttpStatusException
        || e instanceof PathNotFoundException || e instanceof EOFException
        || e instanceof AccessDeniedException || e instanceof AccessControlException
        || e instanceof PathAccessDeniedException || e instanceof PathPermissionException
        || e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted();
  }

  private ChunkFetchException fetchFailed(Path path, long offset, long length, int attempts,
      IOException e) {
    String what = e instanceof FileNotFoundException || e instanceof NoSuchFileException
        || e instanceof PathNotFoundException ? "file not found"
        : isPermanent(e) ? "cannot read the range" : "cannot read the range after " + attempts
            + " attempts";
    return new ChunkFetchException(what + ": " + e, rangeContext(path, offset, length), e);
  }

  private static ErrorContext rangeContext(Path path, long offset, long length) {
    return ErrorContext.EMPTY.withRange(path.toString(), offset, length);
  }

  /** Closes every open stream; the reader cannot be used afterwards. */
  @Override
  public void close() throws IOException {
    closed = true;
    IOException first = null;
    for (OpenStream s : streams.values()) {
      try {
        s.in.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    streams.clear();
    statuses.clear();
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "ChunkRangeReader[" + options + ", " + streams.size() + " open files, " + stats + "]";
  }

  /** An I/O step that may be retried. */
  @FunctionalInterface
  private interface IoCall<T> {
    T run() throws IOException;
  }

  /** A stream kept open for the reader's life (or until evicted). */
  private static final class OpenStream {
    final FSDataInputStream in;

    OpenStream(FSDataInputStream in) {
      this.in = in;
    }

    void close() {
      try {
        in.close();
      } catch (IOException e) {
        // Closing a stream we will not use again: nothing to recover.
      }
    }
  }
}
