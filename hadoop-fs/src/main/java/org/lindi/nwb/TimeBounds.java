package org.lindi.nwb;

/** The two sides of a time predicate, as monotone tests on one time value. */
final class TimeBounds {
  private TimeBounds() {}

  /** NaN bounds select nothing in SQL but would break the search: the caller must not pass them. */
  static void check(double lo, double hi) {
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      throw new IllegalArgumentException("time bounds must not be NaN: " + lo + ", " + hi);
    }
  }

  /** {@code t >= lo} (or {@code t > lo}): false then true along ascending times. */
  static boolean atOrAbove(double t, double lo, boolean inclusive) {
    return inclusive ? t >= lo : t > lo;
  }

  /** Past the upper bound, {@code t > hi} (or {@code t >= hi}): false then true along ascending times. */
  static boolean beyond(double t, double hi, boolean inclusive) {
    return inclusive ? t > hi : t >= hi;
  }
}
