package org.lindi.nwb;

import org.lindi.ArrayData;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.ChunkGrid;

/**
 * The time of each position along axis 0 of an NWB TimeSeries {@code data} array (SPEC section 5):
 * from the sibling {@code timestamps} dataset, or from the scalar {@code starting_time} and its
 * {@code rate} attribute (time of sample i = starting_time + i / rate); and the exact positions a
 * time predicate selects, for pushdown. Thread safe.
 */
public final class TimeAxis {
  private final String dataPath;
  private final TimeAxisSpec spec;
  private final LindiArray timestamps;
  private final TimestampChunks chunks;

  private TimeAxis(String dataPath, TimeAxisSpec spec, LindiArray timestamps) {
    this.dataPath = dataPath;
    this.spec = spec;
    this.timestamps = timestamps;
    this.chunks = timestamps == null ? null : new TimestampChunks(timestamps);
  }

  /**
   * The time axis of the TimeSeries {@code data} array at {@code dataPath}; a
   * {@link LindiFormatException} naming the file and path when it is not one (not an array named
   * {@code data}, no sibling {@code timestamps} or {@code starting_time} with a {@code rate}, or
   * those do not fit the data). Reads only {@code starting_time}'s one value.
   */
  public static TimeAxis of(LindiFile file, String dataPath) {
    TimeSeriesSiblings s = TimeSeriesSiblings.find(file, dataPath);
    if (s.timestamps() != null) {
      return new TimeAxis(s.dataPath(), TimeAxisSpec.ofTimestamps(s.length(), s.timestamps().path(),
          s.timestamps().grid().chunkSize(0)), s.timestamps());
    }
    double start;
    try {
      ArrayData value = s.startingTime().read();
      start = value.getDouble(0);
    } catch (LindiException e) {
      throw e.addContext(s.context());
    }
    if (!Double.isFinite(start)) {
      throw new LindiFormatException("starting_time is " + start + ", not a finite number of seconds",
          s.context());
    }
    return new TimeAxis(s.dataPath(), TimeAxisSpec.ofRate(s.length(), start, s.rate()), null);
  }

  /** True when {@link #of} would find a time axis (checks the hierarchy only; reads no chunk). */
  public static boolean exists(LindiFile file, String dataPath) {
    try {
      TimeSeriesSiblings.find(file, dataPath);
      return true;
    } catch (LindiFormatException e) {
      return false;
    }
  }

  /** The {@code data} array's path, no leading {@code /}. */
  public String dataPath() {
    return dataPath;
  }

  /** The serialisable facts (form, rate or timestamps path and chunk length). */
  public TimeAxisSpec spec() {
    return spec;
  }

  public TimeAxisSpec.Form form() {
    return spec.form();
  }

  /** Number of positions along {@code data}'s axis 0 (and of timestamps). */
  public long length() {
    return spec.length();
  }

  /** The {@code timestamps} array (null for the rate form). */
  public LindiArray timestamps() {
    return timestamps;
  }

  /** The chunk grid of {@code timestamps}, whose chunk refs an executor needs (null for the rate form). */
  public ChunkGrid timestampsGrid() {
    return timestamps == null ? null : timestamps.grid();
  }

  /**
   * Times of positions {@code [start, start + count)}: computed for the rate form, read for the
   * timestamps form (only the chunks of {@code timestamps} the positions span; values as stored).
   */
  public double[] times(long start, int count) {
    spec.checkRange(start, count);
    return chunks == null ? spec.times(start, count) : chunks.read(start, count);
  }

  /**
   * The positions {@code [from, to)} whose time satisfies {@code lo <(=) time <(=) hi}, exactly;
   * {@link Double#NEGATIVE_INFINITY} and {@link Double#POSITIVE_INFINITY} are open ends (whatever
   * their inclusive flag) and NaN bounds are refused. For timestamps, a binary search that reads
   * O(log n) chunks; it relies on ascending finite timestamps and fails with a
   * {@link LindiFormatException} on a NaN, an infinity or a descent in the chunks it reads.
   */
  public IndexRange indexRange(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
    if (chunks == null) {
      return spec.indexRange(lo, loInclusive, hi, hiInclusive);
    }
    TimeBounds.check(lo, hi);
    long n = spec.length();
    // an open end selects everything on its side (searched times are finite): no chunk to read
    long from = lo == Double.NEGATIVE_INFINITY ? 0
        : MonotoneSearch.first(n, i -> TimeBounds.atOrAbove(chunks.checkedAt(i), lo, loInclusive));
    long to = hi == Double.POSITIVE_INFINITY ? n
        : MonotoneSearch.first(n, i -> TimeBounds.beyond(chunks.checkedAt(i), hi, hiInclusive));
    return IndexRange.of(from, to);
  }

  @Override
  public String toString() {
    return "TimeAxis{/" + dataPath + ", " + spec + "}";
  }
}
