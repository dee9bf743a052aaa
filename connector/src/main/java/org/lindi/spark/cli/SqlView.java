package org.lindi.spark.cli;

import java.util.List;
import java.util.Objects;

/**
 * One temp view {@code lindi sql} can register: its SQL name, what it reads (the catalog, an array,
 * or an NWB DynamicTable with {@code layout=table}), whether it adds NWB {@code time}, and the
 * files that hold it. Immutable.
 */
final class SqlView {
  /** What a view reads. */
  enum Kind {
    CATALOG, ARRAY, TABLE
  }

  private final String name;
  private final Kind kind;
  private final String dataset;
  private final boolean time;
  private final String summary;
  private final List<String> files;

  SqlView(String name, Kind kind, String dataset, boolean time, String summary, List<String> files) {
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
    this.dataset = dataset;
    this.time = time;
    this.summary = summary;
    this.files = List.copyOf(files);
  }

  String name() {
    return name;
  }

  Kind kind() {
    return kind;
  }

  /** Path inside the files, no leading {@code /}; null for the catalog. */
  String dataset() {
    return dataset;
  }

  /** True for the {@code data} of an NWB TimeSeries: read with {@code time=true}. */
  boolean time() {
    return time;
  }

  /** dtype and shape (arrays) or columns (tables), from the first file. */
  String summary() {
    return summary;
  }

  List<String> files() {
    return files;
  }

  SqlView withFiles(List<String> more) {
    return new SqlView(name, kind, dataset, time, summary, more);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SqlView)) {
      return false;
    }
    SqlView v = (SqlView) o;
    return name.equals(v.name) && kind == v.kind && Objects.equals(dataset, v.dataset) && time == v.time
        && Objects.equals(summary, v.summary) && files.equals(v.files);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, dataset, time, summary, files);
  }

  @Override
  public String toString() {
    return name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + (dataset == null ? "" : " /" + dataset)
        + (time ? ", time" : "") + ")";
  }
}
