package org.lindi.nwb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.tree.NodeInfo;
import org.lindi.tree.NodeKind;
import org.lindi.tree.NodeTree;
import org.lindi.zarr.DType;

/**
 * The arrays of one NWB TimeSeries group that define its time axis: {@code data}, and its sibling
 * {@code timestamps} (preferred) or {@code starting_time} with a {@code rate} attribute, checked
 * against each other from the hierarchy alone (no chunk is read).
 */
final class TimeSeriesSiblings {
  private static final String DATA = "data";
  private static final String TIMESTAMPS = "timestamps";
  private static final String STARTING_TIME = "starting_time";
  private static final String RATE = "rate";

  private final LindiFile file;
  private final String dataPath;
  private long length;
  private LindiArray timestamps;
  private LindiArray startingTime;
  private double rate;

  private TimeSeriesSiblings(LindiFile file, String dataPath) {
    this.file = file;
    this.dataPath = dataPath;
  }

  /** The siblings of {@code path}; a {@link LindiFormatException} when it is no TimeSeries data. */
  static TimeSeriesSiblings find(LindiFile file, String path) {
    TimeSeriesSiblings s = new TimeSeriesSiblings(file, NodeTree.normalize(path));
    s.resolve();
    return s;
  }

  String dataPath() {
    return dataPath;
  }

  /** Positions along {@code data}'s axis 0. */
  long length() {
    return length;
  }

  /** The {@code timestamps} array, or null when the series has a rate. */
  LindiArray timestamps() {
    return timestamps;
  }

  /** The {@code starting_time} array, or null when the series has timestamps. */
  LindiArray startingTime() {
    return startingTime;
  }

  /** {@code starting_time}'s {@code rate} attribute (NaN with timestamps). */
  double rate() {
    return rate;
  }

  ErrorContext context() {
    return ErrorContext.ofFile(file.location()).withArray(dataPath);
  }

  private LindiFormatException notTimeSeries(String why) {
    return new LindiFormatException("/" + dataPath + " is not the data of an NWB TimeSeries: " + why, context());
  }

  private void resolve() {
    NodeInfo node = file.tree().resolve(dataPath);
    if (node == null || node.kind() != NodeKind.ARRAY) {
      throw notTimeSeries(node == null ? "no such array" : "it is a " + node.kind().catalogName());
    }
    int slash = dataPath.lastIndexOf('/');
    String name = dataPath.substring(slash + 1);
    if (!name.equals(DATA)) {
      throw notTimeSeries("the array is named '" + name + "', not '" + DATA + "'");
    }
    LindiArray data = file.array(dataPath);
    if (data.shape().length == 0) {
      throw notTimeSeries("it is a scalar");
    }
    length = data.shape()[0];
    // siblings of the path asked for: a linked data array still belongs to this series
    String group = slash < 0 ? "" : dataPath.substring(0, slash + 1);
    timestamps = arrayAt(group + TIMESTAMPS);
    if (timestamps != null) {
      checkTimestamps();
      rate = Double.NaN;
      return;
    }
    startingTime = arrayAt(group + STARTING_TIME);
    if (startingTime == null) {
      throw notTimeSeries("no sibling '" + TIMESTAMPS + "' or '" + STARTING_TIME + "' dataset");
    }
    checkStartingTime();
  }

  private void checkTimestamps() {
    long[] shape = timestamps.shape();
    if (shape.length != 1 || !isReal(timestamps.dtype())) {
      throw notTimeSeries("timestamps must be a 1-D array of numbers, got " + timestamps.dtype().str()
          + " of shape " + Arrays.toString(shape));
    }
    if (shape[0] != length) {
      throw notTimeSeries("timestamps has " + shape[0] + " values for " + length
          + " positions along data's axis 0");
    }
  }

  private void checkStartingTime() {
    long[] shape = startingTime.shape();
    boolean one = shape.length == 0 || (shape.length == 1 && shape[0] == 1);
    if (!one || !isReal(startingTime.dtype())) {
      throw notTimeSeries("starting_time must be one number, got " + startingTime.dtype().str()
          + " of shape " + Arrays.toString(shape));
    }
    JsonNode r = startingTime.info().rawAttributes().get(RATE);
    if (r == null || !r.isNumber()) {
      throw notTimeSeries("starting_time has no numeric '" + RATE + "' attribute (got " + r + ")");
    }
    rate = r.doubleValue();
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw notTimeSeries("starting_time's rate is " + rate + ", not a positive finite number");
    }
  }

  private LindiArray arrayAt(String path) {
    NodeInfo n = file.tree().resolve(path);
    return n == null || n.kind() != NodeKind.ARRAY ? null : file.array(path);
  }

  private static boolean isReal(DType t) {
    return t.kind() == DType.Kind.FLOAT || t.kind() == DType.Kind.INT || t.kind() == DType.Kind.UINT;
  }
}
