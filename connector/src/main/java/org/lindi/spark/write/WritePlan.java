package org.lindi.spark.write;

import java.io.Serializable;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.ArrayMetadata;

/**
 * What every task of one write needs, decided on the driver and shipped with the tasks: the array's
 * final metadata (shape, chunks, dtype, codecs), how rows become bytes, the staging folder, and
 * below which index a partly covered chunk row must be merged with data already in the file.
 */
final class WritePlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String target;
  private final String staging;
  private final String dataset;
  private final String zarray;
  private final RowLayout layout;
  private final long mergeBelow;
  private transient ArrayMetadata meta;

  WritePlan(String target, String staging, String dataset, ArrayMetadata meta, RowLayout layout,
      long mergeBelow) {
    this.target = target;
    this.staging = staging;
    this.dataset = dataset;
    this.zarray = meta.toJson().toString();
    this.layout = layout;
    this.mergeBelow = mergeBelow;
    this.meta = meta;
  }

  /** The lindi file written (a qualified Hadoop path). */
  String target() {
    return target;
  }

  /** The folder the tasks write their staging files to (a qualified Hadoop path). */
  String staging() {
    return staging;
  }

  String dataset() {
    return dataset;
  }

  synchronized ArrayMetadata metadata() {
    if (meta == null) {
      try {
        meta = ArrayMetadata.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(zarray));
      } catch (java.io.IOException e) {
        throw new LindiFormatException("unreadable array metadata of a write plan: " + zarray, e);
      }
    }
    return meta;
  }

  RowLayout layout() {
    return layout;
  }

  /**
   * Rows below this index hold data already in the file (Append to an existing array): a chunk row
   * that starts below it and that the input covers only in part is staged as raw rows for the
   * driver to merge. 0 when the array is new or replaced.
   */
  long mergeBelow() {
    return mergeBelow;
  }

  @Override
  public String toString() {
    return "WritePlan{/" + dataset + " of " + target + ", " + zarray + ", mergeBelow=" + mergeBelow + "}";
  }
}
