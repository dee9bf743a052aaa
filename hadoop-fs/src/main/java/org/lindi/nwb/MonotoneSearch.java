package org.lindi.nwb;

import java.util.function.LongPredicate;

/**
 * The first position of {@code [0, n)} where a monotone predicate (false ... false true ... true)
 * holds. Exact by construction: only the predicate is consulted, never an estimate.
 */
final class MonotoneSearch {
  private MonotoneSearch() {}

  /** Binary search: the first {@code i} with {@code holds(i)}, or {@code n}; O(log n) probes. */
  static long first(long n, LongPredicate holds) {
    return between(-1, n, holds);
  }

  /**
   * The same answer, searched outward from {@code guess} with doubling steps: one or two probes
   * when the guess is right or off by one, O(log distance) otherwise.
   */
  static long firstNear(long n, LongPredicate holds, long guess) {
    long g = Math.max(0, Math.min(n, guess));
    if (g == n || holds.test(g)) { // position n counts as holding: the answer is at most n
      long hi = g;
      for (long step = 1; ; step *= 2) {
        long lo = g - step;
        if (lo < 0) {
          return between(-1, hi, holds);
        }
        if (!holds.test(lo)) {
          return between(lo, hi, holds);
        }
        hi = lo;
      }
    }
    long lo = g;
    for (long step = 1; ; step *= 2) {
      long hi = g + step;
      if (hi >= n) {
        return between(lo, n, holds);
      }
      if (holds.test(hi)) {
        return between(lo, hi, holds);
      }
      lo = hi;
    }
  }

  /** Invariant: {@code holds(lo)} is false (or lo = -1) and {@code holds(hi)} true (or hi = n). */
  private static long between(long lo, long hi, LongPredicate holds) {
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (holds.test(mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }
}
