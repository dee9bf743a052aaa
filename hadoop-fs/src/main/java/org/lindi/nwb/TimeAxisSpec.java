package org.lindi.nwb;

import java.io.Serializable;
import java.util.Objects;

/**
 * The facts of a TimeSeries time axis that an executor needs, small and serialisable: either
 * {@code starting_time} and {@code rate} (times are computed, no I/O), or the path and chunk length
 * of the {@code timestamps} array (the caller ships that array's chunk refs itself). Immutable.
 */
public final class TimeAxisSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the times come from. */
  public enum Form {
    /** {@code starting_time + i / rate}. */
    RATE,
    /** The {@code timestamps} dataset, one value per position of {@code data}'s axis 0. */
    TIMESTAMPS
  }

  private final Form form;
  private final long length;
  private final double startingTime;
  private final double rate;
  private final String timestampsPath;
  private final int timestampsChunkLength;

  private TimeAxisSpec(Form form, long length, double startingTime, double rate, String timestampsPath,
      int timestampsChunkLength) {
    this.form = form;
    this.length = length;
    this.startingTime = startingTime;
    this.rate = rate;
    this.timestampsPath = timestampsPath;
    this.timestampsChunkLength = timestampsChunkLength;
  }

  /** Times {@code startingTime + i / rate} for {@code i} in {@code [0, length)}. */
  public static TimeAxisSpec ofRate(long length, double startingTime, double rate) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length);
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a positive finite number, got " + rate);
    }
    if (!Double.isFinite(startingTime)) {
      throw new IllegalArgumentException("starting_time must be finite, got " + startingTime);
    }
    if (length > 0 && !Double.isFinite(startingTime + (double) (length - 1) / rate)) {
      throw new IllegalArgumentException("the last of " + length + " times overflows at rate " + rate);
    }
    return new TimeAxisSpec(Form.RATE, length, startingTime, rate, null, 0);
  }

  /** Times stored in the 1-D array at {@code timestampsPath}, chunked by {@code chunkLength}. */
  public static TimeAxisSpec ofTimestamps(long length, String timestampsPath, int chunkLength) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length);
    }
    if (chunkLength <= 0) {
      throw new IllegalArgumentException("chunk length must be positive, got " + chunkLength);
    }
    return new TimeAxisSpec(Form.TIMESTAMPS, length, Double.NaN, Double.NaN,
        Objects.requireNonNull(timestampsPath), chunkLength);
  }

  public Form form() {
    return form;
  }

  /** Number of positions along {@code data}'s axis 0. */
  public long length() {
    return length;
  }

  /** {@code starting_time} in seconds (NaN for the timestamps form). */
  public double startingTime() {
    return startingTime;
  }

  /** Samples per second (NaN for the timestamps form). */
  public double rate() {
    return rate;
  }

  /** Path of the {@code timestamps} array, no leading {@code /} (null for the rate form). */
  public String timestampsPath() {
    return timestampsPath;
  }

  /** Elements per chunk of the {@code timestamps} array (0 for the rate form). */
  public int timestampsChunkLength() {
    return timestampsChunkLength;
  }

  /** The {@code timestamps} chunk holding position {@code index} (timestamps form). */
  public long timestampsChunkOf(long index) {
    requireForm(Form.TIMESTAMPS, "timestampsChunkOf");
    return index / timestampsChunkLength;
  }

  /**
   * Time of position {@code index} in the rate form: {@code startingTime + (double) index / rate},
   * in exactly this order of operations (what NWB tools compute, and what {@link #indexRange} uses).
   */
  public double timeAt(long index) {
    requireForm(Form.RATE, "timeAt");
    return startingTime + (double) index / rate;
  }

  /** Times of positions {@code [start, start + count)} in the rate form. */
  public double[] times(long start, int count) {
    requireForm(Form.RATE, "times");
    checkRange(start, count);
    double[] out = new double[count];
    for (int k = 0; k < count; k++) {
      out[k] = timeAt(start + k);
    }
    return out;
  }

  /**
   * The positions whose time lies between {@code lo} and {@code hi} in the rate form, exact for
   * every double bound: a guess from the arithmetic is only a starting point, the answer is the
   * first position where {@link #timeAt} satisfies each bound (times never decrease, since
   * rounding is monotone). Infinite bounds are open ends.
   */
  public IndexRange indexRange(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
    requireForm(Form.RATE, "indexRange");
    TimeBounds.check(lo, hi);
    long from = MonotoneSearch.firstNear(length, i -> TimeBounds.atOrAbove(timeAt(i), lo, loInclusive), guess(lo));
    long to = MonotoneSearch.firstNear(length, i -> TimeBounds.beyond(timeAt(i), hi, hiInclusive), guess(hi));
    return IndexRange.of(from, to);
  }

  private long guess(double t) {
    double g = Math.ceil((t - startingTime) * rate);
    if (!(g > 0)) {
      return 0;
    }
    return g >= length ? length : (long) g;
  }

  void checkRange(long start, int count) {
    if (start < 0 || count < 0 || start + count > length) {
      throw new IllegalArgumentException("positions [" + start + ", " + (start + count)
          + ") outside [0, " + length + ")");
    }
  }

  private void requireForm(Form wanted, String what) {
    if (form != wanted) {
      throw new IllegalStateException(what + " needs the " + wanted + " form; this time axis is " + this);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TimeAxisSpec)) {
      return false;
    }
    TimeAxisSpec s = (TimeAxisSpec) o;
    return form == s.form && length == s.length && Double.compare(startingTime, s.startingTime) == 0
        && Double.compare(rate, s.rate) == 0 && Objects.equals(timestampsPath, s.timestampsPath)
        && timestampsChunkLength == s.timestampsChunkLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(form, length, startingTime, rate, timestampsPath, timestampsChunkLength);
  }

  @Override
  public String toString() {
    return form == Form.RATE
        ? "TimeAxisSpec{" + length + " samples, starting_time=" + startingTime + ", rate=" + rate + "}"
        : "TimeAxisSpec{" + length + " samples, timestamps=/" + timestampsPath + ", chunks of "
            + timestampsChunkLength + "}";
  }
}
