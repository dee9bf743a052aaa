package org.lindi.spark.read;

import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import org.lindi.codec.DecodeContext;
import org.lindi.io.ReadArena;

/**
 * Buffers that outlive a task on an executor: the read arenas and decode contexts of finished
 * readers, kept for the next ones (an executor runs task after task, each needing megabytes of
 * buffers: allocating them anew per task cost zeroing and humongous-allocation collections, see
 * benchmarks/RESULTS.md). Softly referenced, so the collector may drop them when memory runs short;
 * at most two idle per processor of each kind.
 */
final class ExecutorBuffers {
  private static final int MAX_IDLE = 2 * Runtime.getRuntime().availableProcessors();
  private static final Pool<ReadArena> ARENAS = new Pool<>(ReadArena::new);
  private static final Pool<DecodeContext> CONTEXTS = new Pool<>(DecodeContext::new);

  private ExecutorBuffers() {}

  /** An idle arena given back by an earlier reader, or a new one. */
  static ReadArena arena() {
    return ARENAS.take();
  }

  /** Gives an arena back: the caller must not use it, nor any slice it handed out, afterwards. */
  static void giveBack(ReadArena arena) {
    arena.reset();
    ARENAS.giveBack(arena);
  }

  /** An idle decode context given back by an earlier reader, or a new one. */
  static DecodeContext decodeContext() {
    return CONTEXTS.take();
  }

  /** Gives a context back: the caller must not use it, nor anything it decoded, afterwards. */
  static void giveBack(DecodeContext context) {
    CONTEXTS.giveBack(context);
  }

  /** Idle objects of one kind, most recently given back first (its buffers are the warmest). */
  private static final class Pool<T> {
    private final ConcurrentLinkedDeque<SoftReference<T>> idle = new ConcurrentLinkedDeque<>();
    private final Supplier<T> fresh;

    Pool(Supplier<T> fresh) {
      this.fresh = fresh;
    }

    T take() {
      SoftReference<T> r;
      while ((r = idle.pollFirst()) != null) {
        T t = r.get();
        if (t != null) {
          return t;
        }
      }
      return fresh.get();
    }

    void giveBack(T t) {
      if (idle.size() < MAX_IDLE) {
        idle.offerFirst(new SoftReference<>(t));
      }
    }
  }
}
