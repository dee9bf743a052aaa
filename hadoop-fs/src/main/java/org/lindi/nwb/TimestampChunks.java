package org.lindi.nwb;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.lindi.LindiArray;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;

/**
 * The {@code timestamps} of a TimeSeries for searching: decoded chunks are cached (least recently
 * used first out, bounded by values held), and each chunk a search touches is checked once: finite,
 * ascending inside, and ascending against the chunks checked before it. Chunks a search never
 * touches are not checked (the search only relies on those it reads). Thread safe.
 */
final class TimestampChunks {
  /** About 32 MiB of decoded doubles; at least two chunks are always kept. */
  private static final long MAX_CACHED_VALUES = 1L << 22;

  private final LindiArray array;
  private final long length;
  private final int chunkLength;
  private final LinkedHashMap<Long, double[]> cache = new LinkedHashMap<>(16, 0.75f, true);
  private long cachedValues;
  /** First and last value of every chunk already checked, by chunk index. */
  private final TreeMap<Long, double[]> checkedEnds = new TreeMap<>();

  TimestampChunks(LindiArray array) {
    this.array = array;
    this.length = array.shape()[0];
    this.chunkLength = array.grid().chunkSize(0);
  }

  /** Timestamp {@code index}, from a checked chunk. */
  synchronized double checkedAt(long index) {
    long c = index / chunkLength;
    double[] values = chunk(c);
    if (!checkedEnds.containsKey(c)) {
      check(c, values);
    }
    return values[(int) (index - c * chunkLength)];
  }

  /** Timestamps {@code [start, start + count)} as stored (reads only the chunks they span). */
  double[] read(long start, int count) {
    return array.read(new long[] {start}, new long[] {count}).toDoubleArray();
  }

  private double[] chunk(long c) {
    double[] values = cache.get(c);
    if (values == null) {
      values = array.readChunk(c).toDoubleArray();
      cache.put(c, values);
      cachedValues += values.length;
      Iterator<Map.Entry<Long, double[]>> eldest = cache.entrySet().iterator();
      while (cachedValues > MAX_CACHED_VALUES && cache.size() > 2) {
        cachedValues -= eldest.next().getValue().length;
        eldest.remove();
      }
    }
    return values;
  }

  private void check(long c, double[] values) {
    long base = c * chunkLength;
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        throw notAscending("timestamp " + (base + k) + " is " + values[k]
            + "; a time predicate needs ascending finite numbers", c);
      }
      if (k > 0 && values[k] < values[k - 1]) {
        throw notAscending("timestamps are not ascending: [" + (base + k - 1) + "] = " + values[k - 1]
            + " > [" + (base + k) + "] = " + values[k], c);
      }
    }
    double first = values[0];
    double last = values[values.length - 1];
    Map.Entry<Long, double[]> before = checkedEnds.lowerEntry(c);
    if (before != null && before.getValue()[1] > first) {
      throw notAscending("timestamps are not ascending: chunk " + before.getKey() + " ends at "
          + before.getValue()[1] + " but chunk " + c + " starts at " + first, c);
    }
    Map.Entry<Long, double[]> after = checkedEnds.higherEntry(c);
    if (after != null && last > after.getValue()[0]) {
      throw notAscending("timestamps are not ascending: chunk " + c + " ends at " + last
          + " but chunk " + after.getKey() + " starts at " + after.getValue()[0], c);
    }
    checkedEnds.put(c, new double[] {first, last});
  }

  private LindiFormatException notAscending(String reason, long c) {
    String key = array.path() + "/" + array.grid().chunkKey(new long[] {c});
    return new LindiFormatException(reason, ErrorContext.ofFile(array.file().location())
        .withArray(array.path()).withKey(key));
  }

  long length() {
    return length;
  }

  @Override
  public String toString() {
    return "TimestampChunks{/" + array.path() + ", " + length + " values, " + cache.size() + " chunks cached}";
  }
}
