package org.lindi.spark.read;

import java.util.Collections;
import java.util.List;

/** The partitions of an array read, with what they add up to (for statistics and descriptions). */
public final class ArrayPlan {
  private final List<ArrayPartition> partitions;
  private final long rows;
  private final long decodedBytes;
  private final int files;

  public ArrayPlan(List<ArrayPartition> partitions, long rows, long decodedBytes, int files) {
    this.partitions = Collections.unmodifiableList(partitions);
    this.rows = rows;
    this.decodedBytes = decodedBytes;
    this.files = files;
  }

  public List<ArrayPartition> partitions() {
    return partitions;
  }

  /** Rows the scan produces (before a pushed limit). */
  public long rows() {
    return rows;
  }

  /** Decoded bytes of the selected rows of chunks. */
  public long decodedBytes() {
    return decodedBytes;
  }

  public int files() {
    return files;
  }

  public int chunkCount() {
    int n = 0;
    for (ArrayPartition p : partitions) {
      n += p.chunkCount();
    }
    return n;
  }

  @Override
  public String toString() {
    return "ArrayPlan[" + partitions.size() + " partitions, " + chunkCount() + " chunks, " + rows + " rows, "
        + decodedBytes + " decoded bytes]";
  }
}
