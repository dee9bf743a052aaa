package org.lindi.container;

import java.util.Objects;

/** One member of a tar: its name, where its header starts, where its data starts, and its size. */
final class TarEntry {
  private final String name;
  private final long headerOffset;
  private final long dataOffset;
  private final long size;

  TarEntry(String name, long headerOffset, long dataOffset, long size) {
    this.name = name;
    this.headerOffset = headerOffset;
    this.dataOffset = dataOffset;
    this.size = size;
  }

  String name() {
    return name;
  }

  long headerOffset() {
    return headerOffset;
  }

  long dataOffset() {
    return dataOffset;
  }

  long size() {
    return size;
  }

  /** LINDI renames superseded entries to {@code .trash/...}; their bytes are overwritten. */
  boolean isTrash() {
    return name.startsWith(".trash/");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TarEntry)) {
      return false;
    }
    TarEntry e = (TarEntry) o;
    return headerOffset == e.headerOffset && dataOffset == e.dataOffset && size == e.size
        && name.equals(e.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, headerOffset, dataOffset, size);
  }

  @Override
  public String toString() {
    return "TarEntry[" + name + ", header=" + headerOffset + ", data=[" + dataOffset + ", "
        + (dataOffset + size) + ")]";
  }
}
