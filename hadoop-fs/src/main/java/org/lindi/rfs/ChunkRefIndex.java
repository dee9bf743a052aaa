package org.lindi.rfs;

import java.util.Arrays;

/**
 * The chunk refs of one array by C-order grid index, found in one sorted scan over the keys under
 * the array (each key's digits parsed in place: no key string per chunk). Only canonical chunk
 * keys count ({@code <array>/<i>.<j>} with the grid's separator, decimal without leading zeros,
 * inside the grid), exactly the keys a lookup by {@code ChunkGrid.chunkKey} would find. Dense (one
 * int per grid cell) unless the grid is much larger than its refs. Immutable and thread-safe.
 */
public final class ChunkRefIndex {
  /** Refs per grid cell below which a sorted list beats one int per cell. */
  private static final int SPARSE_FACTOR = 4;

  private final RefTable refs;
  private final long chunks;
  /** Dense form: ref index + 1 per grid cell, 0 for none; null in the sparse form. */
  private final int[] dense;
  /** Sparse form: grid cells with a ref, ascending, and their ref indexes. */
  private final long[] cells;
  private final int[] cellRefs;

  private ChunkRefIndex(RefTable refs, long chunks, int[] dense, long[] cells, int[] cellRefs) {
    this.refs = refs;
    this.chunks = chunks;
    this.dense = dense;
    this.cells = cells;
    this.cellRefs = cellRefs;
  }

  /**
   * Indexes the refs of {@code table} under {@code prefix} (the array path plus {@code /}, or empty
   * for a root array) for a grid of {@code gridShape} whose keys join coordinates with
   * {@code separator}.
   */
  static ChunkRefIndex of(RefTable table, byte[] prefix, long[] gridShape, char separator) {
    long chunks = 1;
    for (long g : gridShape) {
      chunks = Math.multiplyExact(chunks, g);
    }
    KeyTable keys = table.keys();
    int first = keys.lowerBound(prefix);
    int end = first;
    while (end < keys.size() && keys.startsWith(end, prefix)) {
      end++;
    }
    int candidates = end - first;
    byte[] pool = keys.pool();
    int[] start = keys.starts();
    if (chunks <= Integer.MAX_VALUE - 16 && chunks <= (long) SPARSE_FACTOR * candidates + 1024) {
      int[] dense = new int[(int) chunks];
      for (int i = first; i < end; i++) {
        long cell = cellOf(pool, start[i] + prefix.length, start[i + 1], gridShape, separator);
        if (cell >= 0) {
          dense[(int) cell] = i + 1;
        }
      }
      return new ChunkRefIndex(table, chunks, dense, null, null);
    }
    int[] found = new int[candidates];
    long[] cells = new long[candidates];
    int n = 0;
    for (int i = first; i < end; i++) {
      long cell = cellOf(pool, start[i] + prefix.length, start[i + 1], gridShape, separator);
      if (cell >= 0) {
        cells[n] = cell;
        found[n++] = i;
      }
    }
    // sort cells with their ref indexes: keys are in byte order, not in grid order
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    final long[] c = cells;
    Arrays.sort(order, (a, b) -> Long.compare(c[a], c[b]));
    long[] sortedCells = new long[n];
    int[] sortedRefs = new int[n];
    for (int k = 0; k < n; k++) {
      sortedCells[k] = cells[order[k]];
      sortedRefs[k] = found[order[k]];
    }
    return new ChunkRefIndex(table, chunks, null, sortedCells, sortedRefs);
  }

  /**
   * The C-order grid index of the chunk key {@code pool[from, to)} (the part after the array
   * prefix), or -1 when it is not a canonical key of a chunk inside the grid.
   */
  static long cellOf(byte[] pool, int from, int to, long[] gridShape, char separator) {
    if (gridShape.length == 0) {
      return to - from == 1 && pool[from] == '0' ? 0 : -1;
    }
    long cell = 0;
    int at = from;
    for (int k = 0; k < gridShape.length; k++) {
      if (k > 0) {
        if (at >= to || pool[at] != separator) {
          return -1;
        }
        at++;
      }
      int digits = at;
      long v = 0;
      while (at < to && pool[at] >= '0' && pool[at] <= '9') {
        if (v > (Long.MAX_VALUE - 9) / 10) {
          return -1;
        }
        v = v * 10 + (pool[at] - '0');
        at++;
      }
      int len = at - digits;
      if (len == 0 || (len > 1 && pool[digits] == '0') || v >= gridShape[k]) {
        return -1;
      }
      cell = cell * gridShape[k] + v;
    }
    return at == to ? cell : -1;
  }

  /** Number of grid cells. */
  public long chunks() {
    return chunks;
  }

  /** The ref index of grid cell {@code cell} (for the accessors below), or -1 when it has no ref. */
  public int find(long cell) {
    if (cell < 0 || cell >= chunks) {
      return -1;
    }
    if (dense != null) {
      return dense[(int) cell] - 1;
    }
    int k = Arrays.binarySearch(cells, cell);
    return k < 0 ? -1 : cellRefs[k];
  }

  public boolean isInline(int ref) {
    return refs.isInline(ref);
  }

  /** The url of a range ref, templates substituted; refs sharing a url share the String instance. */
  public String url(int ref) {
    return refs.urls()[refs.urlIndex(ref)];
  }

  public long offset(int ref) {
    return refs.offset(ref);
  }

  /** Byte count; {@link ChunkRef#WHOLE_FILE} for {@code [url]}. */
  public long length(int ref) {
    return refs.length(ref);
  }

  /** A copy of the bytes of an inline ref. */
  public byte[] inlineBytes(int ref) {
    return refs.inlineBytes(ref);
  }

  /** The ref as an object. */
  public ChunkRef ref(int ref) {
    return refs.ref(ref);
  }

  @Override
  public String toString() {
    return "ChunkRefIndex[" + chunks + " cells, " + (dense != null ? "dense" : cells.length + " refs, sparse") + "]";
  }
}
