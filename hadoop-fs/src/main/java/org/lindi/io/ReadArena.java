package org.lindi.io;

import org.lindi.codec.ByteSlice;

/**
 * A reusable buffer that a {@link ChunkRangeReader} reads ranges into instead of a new array per
 * read. The slices it hands out stay valid until its next {@link #reset}, after which their bytes
 * may be overwritten. It grows, at a reset, to the largest batch of reads seen since the previous
 * one, so a task that reads window after window of chunks stops allocating after its first windows
 * (a new multi-megabyte array per window cost the JVM zeroing and humongous-allocation collections;
 * see benchmarks/RESULTS.md). Not thread-safe: one thread at a time, handed over with a
 * happens-before edge (such as a {@code Future}).
 */
public final class ReadArena {
  /** The largest Java array. */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private byte[] bytes = new byte[0];
  private int used;
  private long wanted;

  /**
   * Forgets every slice handed out since the previous reset, and grows to what they needed
   * together if the buffer could not hold them all.
   */
  public void reset() {
    used = 0;
    reserve(wanted);
    wanted = 0;
  }

  /**
   * Grows the buffer (dropping its contents) to at least {@code bytes}, when it is smaller: call it
   * after a {@link #reset} with what the next reads will need, if known. It grows by an eighth more
   * than asked: windows of chunks differ in size by a few percent, and growing to each new largest
   * one exactly would allocate again and again.
   */
  public void reserve(long bytes) {
    if (bytes > this.bytes.length && bytes <= MAX_BYTES && used == 0) {
      this.bytes = new byte[(int) Math.min(MAX_BYTES, bytes + bytes / 8)];
    }
  }

  /** The buffer's size in bytes (what it keeps allocated between resets). */
  public int capacity() {
    return bytes.length;
  }

  /**
   * Room for {@code length} bytes: a slice of the buffer, or a new array when the buffer has not that
   * much left (it grows at the next reset). The slice's contents are undefined until written.
   */
  ByteSlice allocate(int length) {
    wanted += length;
    if (length <= bytes.length - used) {
      ByteSlice s = new ByteSlice(bytes, used, length);
      used += length;
      return s;
    }
    return ByteSlice.of(new byte[length]);
  }
}
