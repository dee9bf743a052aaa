package org.lindi.spark.read;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of row indices as sorted, disjoint, non-adjacent half-open intervals {@code [lo, hi)} within
 * {@code [0, Long.MAX_VALUE)}: what the pushed predicates on {@code index} select. Immutable.
 */
public final class IndexRanges implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long MAX = Long.MAX_VALUE;

  /** Every index. */
  public static final IndexRanges ALL = new IndexRanges(new long[] {0}, new long[] {MAX});
  /** No index. */
  public static final IndexRanges NONE = new IndexRanges(new long[0], new long[0]);

  private final long[] lo;
  private final long[] hi;

  private IndexRanges(long[] lo, long[] hi) {
    this.lo = lo;
    this.hi = hi;
  }

  /** {@code [from, to)} clipped to the valid indices. */
  public static IndexRanges of(long from, long to) {
    long a = Math.max(0, from);
    long b = Math.min(MAX, to);
    return a >= b ? NONE : new IndexRanges(new long[] {a}, new long[] {b});
  }

  /** The single index {@code v}. */
  public static IndexRanges point(long v) {
    return v < 0 || v == MAX ? NONE : of(v, v + 1);
  }

  /** Indices {@code >= v}. */
  public static IndexRanges atLeast(long v) {
    return of(v, MAX);
  }

  /** Indices {@code <= v}. */
  public static IndexRanges atMost(long v) {
    return v == MAX ? ALL : of(0, v + 1);
  }

  public int size() {
    return lo.length;
  }

  public long lo(int i) {
    return lo[i];
  }

  public long hi(int i) {
    return hi[i];
  }

  public boolean isAll() {
    return lo.length == 1 && lo[0] == 0 && hi[0] == MAX;
  }

  public boolean isEmpty() {
    return lo.length == 0;
  }

  public IndexRanges union(IndexRanges o) {
    List<long[]> all = new ArrayList<>();
    for (int i = 0; i < lo.length; i++) {
      all.add(new long[] {lo[i], hi[i]});
    }
    for (int i = 0; i < o.lo.length; i++) {
      all.add(new long[] {o.lo[i], o.hi[i]});
    }
    all.sort((x, y) -> Long.compare(x[0], y[0]));
    return normalized(all);
  }

  public IndexRanges intersect(IndexRanges o) {
    List<long[]> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < lo.length && j < o.lo.length) {
      long a = Math.max(lo[i], o.lo[j]);
      long b = Math.min(hi[i], o.hi[j]);
      if (a < b) {
        out.add(new long[] {a, b});
      }
      if (hi[i] < o.hi[j]) {
        i++;
      } else {
        j++;
      }
    }
    return normalized(out);
  }

  /** Every valid index not in this set. */
  public IndexRanges complement() {
    List<long[]> out = new ArrayList<>();
    long prev = 0;
    for (int i = 0; i < lo.length; i++) {
      if (lo[i] > prev) {
        out.add(new long[] {prev, lo[i]});
      }
      prev = hi[i];
    }
    if (prev < MAX) {
      out.add(new long[] {prev, MAX});
    }
    return normalized(out);
  }

  /** Number of indices of this set in {@code [from, to)}. */
  public long count(long from, long to) {
    long n = 0;
    for (int i = 0; i < lo.length; i++) {
      long a = Math.max(lo[i], from);
      long b = Math.min(hi[i], to);
      if (a < b) {
        n += b - a;
      }
    }
    return n;
  }

  /** True when some index of {@code [from, to)} is in this set. */
  public boolean intersects(long from, long to) {
    return count(from, to) > 0;
  }

  private static IndexRanges normalized(List<long[]> sorted) {
    List<long[]> merged = new ArrayList<>();
    for (long[] r : sorted) {
      if (r[0] >= r[1]) {
        continue;
      }
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(new long[] {r[0], r[1]});
      }
    }
    long[] a = new long[merged.size()];
    long[] b = new long[merged.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = merged.get(i)[0];
      b[i] = merged.get(i)[1];
    }
    return new IndexRanges(a, b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexRanges && Arrays.equals(lo, ((IndexRanges) o).lo)
        && Arrays.equals(hi, ((IndexRanges) o).hi);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(lo) * 31 + Arrays.hashCode(hi);
  }

  @Override
  public String toString() {
    if (isAll()) {
      return "all";
    }
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(lo.length, 8);
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('[').append(lo[i]).append(", ").append(hi[i] == MAX ? "inf" : String.valueOf(hi[i])).append(')');
    }
    if (lo.length > shown) {
      sb.append(", ... (").append(lo.length).append(" ranges)");
    }
    return lo.length == 0 ? "none" : sb.toString();
  }
}
