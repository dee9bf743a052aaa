package org.lindi.write;

import java.util.Objects;

/**
 * One member of a {@code .lindi.tar} as LINDI's index lists it: name {@code n}, header offset
 * {@code o}, data offset {@code d}, size {@code s}.
 */
final class TarMember {
  private final String name;
  private final long headerOffset;
  private final long dataOffset;
  private final long size;

  TarMember(String name, long headerOffset, long dataOffset, long size) {
    this.name = Objects.requireNonNull(name, "name");
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

  /** End of the member's data padded to the 512-byte block. */
  long end() {
    return dataOffset + UstarBlock.padded(size);
  }

  TarMember renamed(String newName) {
    return new TarMember(newName, headerOffset, dataOffset, size);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TarMember)) {
      return false;
    }
    TarMember m = (TarMember) o;
    return headerOffset == m.headerOffset && dataOffset == m.dataOffset && size == m.size
        && name.equals(m.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, headerOffset, dataOffset, size);
  }

  @Override
  public String toString() {
    return "TarMember[" + name + ", o=" + headerOffset + ", d=" + dataOffset + ", s=" + size + "]";
  }
}
