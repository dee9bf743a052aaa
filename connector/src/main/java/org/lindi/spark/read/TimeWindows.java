package org.lindi.spark.read;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.lindi.nwb.IndexRange;
import org.lindi.nwb.TimeAxis;

/**
 * A set of times as a union of intervals, each bound inclusive or not: what the pushed predicates on
 * {@code time} select. Each file turns it into row indices through its own time axis
 * ({@link #indexRanges}), exactly. Immutable.
 */
public final class TimeWindows implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every time. */
  public static final TimeWindows ALL = new TimeWindows(List.of(
      new Window(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true)));
  /** No time. */
  public static final TimeWindows NONE = new TimeWindows(List.of());

  private final List<Window> windows;

  private TimeWindows(List<Window> windows) {
    this.windows = List.copyOf(windows);
  }

  /** One interval between finite or infinite bounds (infinite bounds are open ends). */
  public static TimeWindows of(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
    Window w = new Window(lo, loInclusive, hi, hiInclusive);
    return w.isEmpty() ? NONE : new TimeWindows(List.of(w));
  }

  /** Times {@code = t}. */
  public static TimeWindows point(double t) {
    return of(t, true, t, true);
  }

  public boolean isAll() {
    return windows.size() == 1 && windows.get(0).lo == Double.NEGATIVE_INFINITY
        && windows.get(0).hi == Double.POSITIVE_INFINITY;
  }

  public TimeWindows union(TimeWindows o) {
    List<Window> out = new ArrayList<>(windows);
    out.addAll(o.windows);
    return new TimeWindows(out);
  }

  public TimeWindows intersect(TimeWindows o) {
    List<Window> out = new ArrayList<>();
    for (Window a : windows) {
      for (Window b : o.windows) {
        Window w = a.intersect(b);
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
    }
    return new TimeWindows(out);
  }

  /** The row indices whose time lies in these windows, on {@code axis} (exact; see {@link TimeAxis#indexRange}). */
  public IndexRanges indexRanges(TimeAxis axis) {
    IndexRanges out = IndexRanges.NONE;
    for (Window w : windows) {
      IndexRange r = axis.indexRange(w.lo, w.loInclusive, w.hi, w.hiInclusive);
      out = out.union(IndexRanges.of(r.from(), r.to()));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindows && ((TimeWindows) o).windows.equals(windows);
  }

  @Override
  public int hashCode() {
    return windows.hashCode();
  }

  @Override
  public String toString() {
    if (windows.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (Window w : windows) {
      sb.append(sb.length() == 0 ? "" : " or ").append(w);
    }
    return sb.toString();
  }

  /** {@code lo <(=) t <(=) hi}. */
  private static final class Window implements Serializable {
    private static final long serialVersionUID = 1L;

    final double lo;
    final boolean loInclusive;
    final double hi;
    final boolean hiInclusive;

    Window(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
      this.lo = lo;
      this.loInclusive = loInclusive;
      this.hi = hi;
      this.hiInclusive = hiInclusive;
    }

    boolean isEmpty() {
      return lo > hi || (lo == hi && !(loInclusive && hiInclusive));
    }

    Window intersect(Window o) {
      double l = Math.max(lo, o.lo);
      boolean li = (lo != l || loInclusive) && (o.lo != l || o.loInclusive);
      double h = Math.min(hi, o.hi);
      boolean hin = (hi != h || hiInclusive) && (o.hi != h || o.hiInclusive);
      return new Window(l, li, h, hin);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Window)) {
        return false;
      }
      Window w = (Window) o;
      return Double.compare(lo, w.lo) == 0 && Double.compare(hi, w.hi) == 0 && loInclusive == w.loInclusive
          && hiInclusive == w.hiInclusive;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(lo) * 31 + Double.hashCode(hi);
    }

    @Override
    public String toString() {
      return (loInclusive ? "[" : "(") + lo + ", " + hi + (hiInclusive ? "]" : ")");
    }
  }
}
