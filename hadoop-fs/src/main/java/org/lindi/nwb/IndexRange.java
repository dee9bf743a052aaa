package org.lindi.nwb;

import java.io.Serializable;

/**
 * The positions {@code [from, to)} along axis 0 that a predicate selects; every empty range is
 * {@link #EMPTY} ({@code [0, 0)}), so ranges compare by what they select. Immutable.
 */
public final class IndexRange implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The range that selects nothing. */
  public static final IndexRange EMPTY = new IndexRange(0, 0);

  private final long from;
  private final long to;

  private IndexRange(long from, long to) {
    this.from = from;
    this.to = to;
  }

  /** {@code [from, to)}; {@link #EMPTY} when {@code to <= from}. */
  public static IndexRange of(long from, long to) {
    if (from < 0) {
      throw new IllegalArgumentException("index range starts below 0: [" + from + ", " + to + ")");
    }
    return to <= from ? EMPTY : new IndexRange(from, to);
  }

  /** {@code [0, length)}: every position of an axis of that length. */
  public static IndexRange all(long length) {
    return of(0, length);
  }

  /** The first selected position (0 when empty). */
  public long from() {
    return from;
  }

  /** One past the last selected position (0 when empty). */
  public long to() {
    return to;
  }

  public boolean isEmpty() {
    return to == from;
  }

  /** Number of selected positions. */
  public long length() {
    return to - from;
  }

  public boolean contains(long index) {
    return index >= from && index < to;
  }

  /** The positions selected by both ranges (predicates joined by AND). */
  public IndexRange intersect(IndexRange other) {
    return of(Math.max(from, other.from), Math.min(to, other.to));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexRange && ((IndexRange) o).from == from && ((IndexRange) o).to == to;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(from) * 31 + Long.hashCode(to);
  }

  @Override
  public String toString() {
    return isEmpty() ? "[empty)" : "[" + from + ", " + to + ")";
  }
}
