package org.lindi.spark.write;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.LindiNode;
import org.lindi.container.ContainerFormat;
import org.lindi.error.ErrorContext;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.ArrayMetadata;

/**
 * What the target holds before a write, read without taking the writer's lock: no file, a file
 * without the dataset, the dataset as an array (with its metadata), or another node there. The
 * committer checks it again under the lock.
 */
final class TargetState {
  /** What is at the dataset's path. */
  enum Kind { NO_FILE, NO_DATASET, ARRAY, EXTERNAL_ARRAY, OTHER }

  private final Kind kind;
  private final ArrayMetadata array;
  private final String what;

  private TargetState(Kind kind, ArrayMetadata array, String what) {
    this.kind = kind;
    this.array = array;
    this.what = what;
  }

  static TargetState inspect(Path target, Configuration conf, String dataset) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    if (!fs.exists(target)) {
      return new TargetState(Kind.NO_FILE, null, "no file");
    }
    try (LindiFile f = LindiFile.open(target, conf)) {
      ContainerFormat format = f.container().format();
      if (format != ContainerFormat.LINDI1 && format != ContainerFormat.TAR) {
        throw new UnsupportedFeatureException("Spark writes lindi1 files and .lindi.tar archives;"
            + " this is a " + format + " container", ErrorContext.ofFile(target.toString()));
      }
      LindiNode n = f.node(dataset);
      if (n == null) {
        return new TargetState(Kind.NO_DATASET, null, "no dataset");
      }
      if (n instanceof LindiArray && ((LindiArray) n).isExternal()) {
        // its chunks live in an HDF5 file: replacing it is fine, extending it is not
        return new TargetState(Kind.EXTERNAL_ARRAY, null, "an external HDF5 array");
      }
      if (n instanceof LindiArray) {
        return new TargetState(Kind.ARRAY, ((LindiArray) n).metadata(), "an array");
      }
      return new TargetState(Kind.OTHER, null, "a " + n.kind().catalogName());
    }
  }

  /** What is there, for messages: "an array", "a group", "an external HDF5 array", ... */
  String what() {
    return what;
  }

  Kind kind() {
    return kind;
  }

  /** Whether something (array, group or link) is at the dataset's path. */
  boolean datasetExists() {
    return kind != Kind.NO_FILE && kind != Kind.NO_DATASET;
  }

  /** The existing array's metadata; null unless {@link Kind#ARRAY}. */
  ArrayMetadata array() {
    return array;
  }

  @Override
  public String toString() {
    return "TargetState{" + what + (array != null ? " " + array : "") + "}";
  }
}
