package org.lindi.container;

import java.util.Objects;

/**
 * One member of a tar (as LINDI's {@code .lindi.tar} index lists it: name {@code n}, header offset
 * {@code o}, data offset {@code d}, size {@code s}).
 */
public final class TarEntry {
  private static final int BLOCK = 512;

  private final String name;
  private final long headerOffset;
  private final long dataOffset;
  private final long size;

  public TarEntry(String name, long headerOffset, long dataOffset, long size) {
    this.name = Objects.requireNonNull(name, "name");
    this.headerOffset = headerOffset;
    this.dataOffset = dataOffset;
    this.size = size;
  }

  public String name() {
    return name;
  }

  public long headerOffset() {
    return headerOffset;
  }

  public long dataOffset() {
    return dataOffset;
  }

  public long size() {
    return size;
  }

  /** LINDI renames superseded entries to {@code .trash/...}; their bytes are overwritten. */
  public boolean isTrash() {
    return name.startsWith(".trash/");
  }

  /** End of the member's data padded to the 512-byte tar block. */
  public long end() {
    return dataOffset + (size + BLOCK - 1) / BLOCK * BLOCK;
  }

  /** The same bytes under another name (LINDI renames superseded members to {@code .trash/...}). */
  public TarEntry renamed(String newName) {
    return new TarEntry(newName, headerOffset, dataOffset, size);
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
