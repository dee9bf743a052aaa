package org.lindi.container;

import java.io.Serializable;
import java.util.Objects;
import org.apache.hadoop.fs.Path;

/** A byte range of a file: {@code length} bytes from {@code offset}, or to the end when -1. */
public final class FileRange implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Length of a range that runs to the end of the file. */
  public static final long TO_END = -1;

  private final Path path;
  private final long offset;
  private final long length;

  public FileRange(Path path, long offset, long length) {
    if (offset < 0 || length < TO_END) {
      throw new IllegalArgumentException("invalid range " + offset + "+" + length + " of " + path);
    }
    this.path = Objects.requireNonNull(path, "path");
    this.offset = offset;
    this.length = length;
  }

  /** The whole file. */
  public static FileRange wholeFile(Path path) {
    return new FileRange(path, 0, TO_END);
  }

  public Path path() {
    return path;
  }

  public long offset() {
    return offset;
  }

  /** Byte count, or {@link #TO_END}. */
  public long length() {
    return length;
  }

  public boolean isToEnd() {
    return length == TO_END;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FileRange)) {
      return false;
    }
    FileRange r = (FileRange) o;
    return offset == r.offset && length == r.length && path.equals(r.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, offset, length);
  }

  @Override
  public String toString() {
    return path + "[" + offset + ", " + (length == TO_END ? "EOF" : String.valueOf(offset + length))
        + ")";
  }
}
