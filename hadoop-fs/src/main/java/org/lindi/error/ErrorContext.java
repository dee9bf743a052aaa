package org.lindi.error;

import java.util.Objects;

/** Where an error happened: file, array, store key, url and byte range; every field is optional. */
public final class ErrorContext {
  public static final ErrorContext EMPTY = new ErrorContext(null, null, null, null, -1, -1);

  private final String file;
  private final String array;
  private final String key;
  private final String url;
  private final long offset;
  private final long length;

  private ErrorContext(String file, String array, String key, String url, long offset, long length) {
    this.file = file;
    this.array = array;
    this.key = key;
    this.url = url;
    this.offset = offset;
    this.length = length;
  }

  public static ErrorContext ofFile(String file) {
    return EMPTY.withFile(file);
  }

  public ErrorContext withFile(String f) {
    return new ErrorContext(f, array, key, url, offset, length);
  }

  public ErrorContext withArray(String a) {
    return new ErrorContext(file, a, key, url, offset, length);
  }

  public ErrorContext withKey(String k) {
    return new ErrorContext(file, array, k, url, offset, length);
  }

  public ErrorContext withRange(String u, long off, long len) {
    return new ErrorContext(file, array, key, u, off, len);
  }

  /** Fields of this context, with the blanks filled from {@code other}. */
  public ErrorContext orElse(ErrorContext other) {
    return new ErrorContext(
        file != null ? file : other.file,
        array != null ? array : other.array,
        key != null ? key : other.key,
        url != null ? url : other.url,
        url != null ? offset : other.offset,
        url != null ? length : other.length);
  }

  public String file() {
    return file;
  }

  public String array() {
    return array;
  }

  public String key() {
    return key;
  }

  public String url() {
    return url;
  }

  public long offset() {
    return offset;
  }

  public long length() {
    return length;
  }

  public boolean isEmpty() {
    return file == null && array == null && key == null && url == null;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    append(sb, "file", file);
    append(sb, "array", array);
    append(sb, "key", key);
    append(sb, "url", url);
    if (url != null && offset >= 0) {
      sb.append(", range=[").append(offset).append(", ");
      sb.append(length >= 0 ? String.valueOf(offset + length) : "EOF").append(')');
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, String value) {
    if (value != null) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(name).append('=').append(value);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ErrorContext)) {
      return false;
    }
    ErrorContext c = (ErrorContext) o;
    return offset == c.offset && length == c.length && Objects.equals(file, c.file)
        && Objects.equals(array, c.array) && Objects.equals(key, c.key) && Objects.equals(url, c.url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, array, key, url, offset, length);
  }
}
