package org.lindi.nwb;

/** The index range of a time predicate found the slow way: every time tested. */
final class BruteForce {
  private BruteForce() {}

  /** [min, max + 1) of the positions whose time satisfies the predicate; fails if they are not contiguous. */
  static IndexRange range(double[] times, double lo, boolean loInc, double hi, boolean hiInc) {
    long first = -1;
    long last = -1;
    for (int i = 0; i < times.length; i++) {
      double t = times[i];
      boolean in = (loInc ? t >= lo : t > lo) && (hiInc ? t <= hi : t < hi);
      if (in) {
        if (first < 0) {
          first = i;
        } else if (last != i - 1) {
          throw new AssertionError("selected positions are not contiguous at " + i);
        }
        last = i;
      }
    }
    return first < 0 ? IndexRange.EMPTY : IndexRange.of(first, last + 1);
  }
}
