package org.lindi.spark.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.lindi.codec.ByteSlice;
import org.lindi.container.FileRange;
import org.lindi.error.ChunkFetchException;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.io.ChunkRangeReader;
import org.lindi.io.RangeReadOptions;
import org.lindi.io.ReadArena;
import org.lindi.io.ReadStatistics;

/**
 * Fetches the stored bytes of a partition's chunks a window of rows of chunks at a time (so that
 * the range reader coalesces neighbouring chunks into few requests), and fetches the next window in
 * the background while the current one is decoded, which hides the latency of remote stores. The
 * range reader is never used by two threads at once: a window is fetched in the foreground only
 * when no background fetch is pending. Windows are read into two {@link ReadArena}s in turn (the
 * one being decoded, the one being fetched), so a task allocates no buffer after its first
 * windows (nor, with {@link ExecutorBuffers}, after the executor's first tasks): the stored bytes
 * of a window are valid until the window after the next is fetched, which readers never outlive
 * (they are done with a row of chunks when they ask for the next).
 */
final class WindowReader implements Closeable {
  /** Hadoop setting (also a read option): fetch the next window while decoding (default true). */
  static final String PREFETCH_KEY = "lindi.read.prefetch";
  /** Hadoop setting (also a read option): stored bytes per window (default 16 MiB). */
  static final String WINDOW_BYTES_KEY = "lindi.read.windowBytes";

  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Daemon threads shared by the readers of an executor; idle ones go away after a minute. */
  private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "lindi-prefetch-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private final ArrayPartition partition;
  private final ArraySpec spec;
  private final ReadStatistics stats = new ReadStatistics();
  private final ChunkRangeReader reader;
  private final Map<String, Path> paths = new ConcurrentHashMap<>();
  private final boolean prefetch;
  private final long windowBytes;
  private final ReadArena[] arenas = {ExecutorBuffers.arena(), ExecutorBuffers.arena()};
  private boolean closed;
  private Map<Integer, ByteSlice[]> current = new HashMap<>();
  /** Which of {@link #arenas} holds {@link #current}'s bytes; the other one is the prefetch's. */
  private int currentArena;
  private Future<Map<Integer, ByteSlice[]>> pending;
  private int pendingStart = -1;

  WindowReader(ArrayPartition partition, Configuration conf) {
    this.partition = partition;
    this.spec = partition.spec();
    this.reader = new ChunkRangeReader(conf, RangeReadOptions.fromConfiguration(conf), stats);
    // a limited partition may stop anywhere: do not read ahead of it
    this.prefetch = conf.getBoolean(PREFETCH_KEY, true) && partition.limit() < 0;
    this.windowBytes = Math.max(1, conf.getLong(WINDOW_BYTES_KEY, 16L << 20));
  }

  ReadStatistics statistics() {
    return stats;
  }

  /** The stored bytes of every chunk of row {@code r} (null for chunks without a ref); rows in order. */
  ByteSlice[] stored(int r) {
    ByteSlice[] s = current.remove(r);
    if (s != null) {
      return s;
    }
    if (pending != null && pendingStart == r) {
      current = await(pending);
      pending = null;
      currentArena = 1 - currentArena;
    } else {
      drainPending();
      current = fetchWindow(r, arenas[currentArena]);
    }
    int next = r + current.size();
    if (prefetch && next < partition.rowCount()) {
      pendingStart = next;
      ReadArena into = arenas[1 - currentArena];
      pending = IO.submit(() -> fetchWindow(next, into));
    }
    return current.remove(r);
  }

  /**
   * Rows {@code r, r+1, ...} while their stored bytes fit the window (at least one row), read into
   * {@code arena} (reset first: the bytes it held before are dropped).
   */
  private Map<Integer, ByteSlice[]> fetchWindow(int r, ReadArena arena) {
    List<Integer> rows = new ArrayList<>();
    long bytes = 0;
    for (int k = r; k < partition.rowCount(); k++) {
      long b = partition.row(k).storedBytes();
      if (!rows.isEmpty() && bytes + b > windowBytes) {
        break;
      }
      rows.add(k);
      bytes += b;
    }
    List<FileRange> ranges = new ArrayList<>();
    List<ChunkTask> tasks = new ArrayList<>();
    for (int k : rows) {
      RowOfChunks row = partition.row(k);
      for (int c = 0; c < row.chunkCount(); c++) {
        ChunkTask t = row.chunk(c);
        if (t.isRange()) {
          ranges.add(t.fileRange(paths.computeIfAbsent(t.location(), x -> t.path())));
          tasks.add(t);
        }
      }
    }
    List<ByteSlice> fetched;
    try {
      arena.reset();
      arena.reserve(bytes);
      fetched = ranges.isEmpty() ? List.of() : reader.readAll(ranges, arena);
    } catch (LindiException e) {
      throw e.addContext(failedChunk(e.context(), tasks));
    }
    Map<Integer, ByteSlice[]> out = new HashMap<>();
    int next = 0;
    for (int k : rows) {
      RowOfChunks row = partition.row(k);
      ByteSlice[] slices = new ByteSlice[row.chunkCount()];
      for (int c = 0; c < slices.length; c++) {
        ChunkTask t = row.chunk(c);
        if (t.isRange()) {
          slices[c] = fetched.get(next++);
        } else if (t.isInline()) {
          slices[c] = ByteSlice.of(t.inlineBytes());
        }
      }
      out.put(k, slices);
    }
    return out;
  }

  /** The chunk whose range a read error names (the range reader only knows paths and offsets). */
  private ErrorContext failedChunk(ErrorContext where, List<ChunkTask> tasks) {
    for (ChunkTask t : tasks) {
      Path p = paths.get(t.location());
      if (where.url() != null && where.offset() == t.offset()
          && (where.url().equals(t.location()) || (p != null && where.url().equals(p.toString())))) {
        return t.context(spec);
      }
    }
    return tasks.size() == 1 ? tasks.get(0).context(spec) : spec.context();
  }

  private Map<Integer, ByteSlice[]> await(Future<Map<Integer, ByteSlice[]>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChunkFetchException("interrupted while waiting for chunk bytes", spec.context(), e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new ChunkFetchException("reading chunk bytes failed: " + c, spec.context(), c);
    }
  }

  /** Waits for a background fetch that is no longer wanted (so the reader is free), ignoring it. */
  private void drainPending() {
    if (pending != null) {
      try {
        pending.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // its rows are fetched again, and fail again, in the foreground
      }
      pending = null;
    }
  }

  @Override
  public void close() throws IOException {
    drainPending();
    current.clear();
    if (!closed) {
      closed = true;
      ExecutorBuffers.giveBack(arenas[0]);
      ExecutorBuffers.giveBack(arenas[1]);
    }
    reader.close();
  }
}
