package org.lindi.spark.read;

import java.io.Serializable;
import org.lindi.nwb.TimeAxisSpec;

/**
 * Where a partition's {@code time} values come from: the rate form's {@link TimeAxisSpec} (pure
 * arithmetic), or, for the timestamps form, the chunks of the {@code timestamps} array that span
 * the partition's rows, resolved on the driver like the data's. Immutable.
 */
public final class TimeSource implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TimeAxisSpec spec;
  private final ArrayPartition timestamps;

  private TimeSource(TimeAxisSpec spec, ArrayPartition timestamps) {
    this.spec = spec;
    this.timestamps = timestamps;
  }

  /** Times computed from {@code starting_time} and {@code rate}. */
  public static TimeSource ofRate(TimeAxisSpec spec) {
    return new TimeSource(spec, null);
  }

  /** Times read from the chunks of the timestamps array that {@code timestamps} holds. */
  static TimeSource ofTimestamps(TimeAxisSpec spec, ArrayPartition timestamps) {
    return new TimeSource(spec, timestamps);
  }

  public TimeAxisSpec spec() {
    return spec;
  }

  /** The timestamps chunks to read as a one-file partition of the timestamps array; null for a rate. */
  public ArrayPartition timestamps() {
    return timestamps;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSource && ((TimeSource) o).spec.equals(spec)
        && java.util.Objects.equals(((TimeSource) o).timestamps, timestamps);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  @Override
  public String toString() {
    return "TimeSource{" + spec + (timestamps == null ? "" : ", " + timestamps.chunkCount() + " timestamps chunks")
        + "}";
  }
}
