package org.lindi.spark.read;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/** The catalog rows of one file, computed on the driver (it reads the RFS anyway). */
public final class CatalogPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final CatalogEntry[] entries;

  public CatalogPartition(String file, List<CatalogEntry> entries) {
    this.file = file;
    this.entries = entries.toArray(new CatalogEntry[0]);
  }

  public String file() {
    return file;
  }

  public int size() {
    return entries.length;
  }

  public CatalogEntry entry(int i) {
    return entries[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CatalogPartition && ((CatalogPartition) o).file.equals(file)
        && Arrays.equals(((CatalogPartition) o).entries, entries);
  }

  @Override
  public int hashCode() {
    return file.hashCode();
  }

  @Override
  public String toString() {
    return "CatalogPartition[" + file + ", " + entries.length + " nodes]";
  }
}
