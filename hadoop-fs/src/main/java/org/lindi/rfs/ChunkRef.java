package org.lindi.rfs;

import java.util.Arrays;
import java.util.Objects;

/**
 * One value of the reference file system: either inline bytes (a JSON object, a {@code base64:}
 * string or a plain string in the RFS) or a byte range {@code [url, offset, length]} of another
 * file, with templates already substituted. {@code [url]} (a whole file) has offset 0 and length
 * {@link #WHOLE_FILE}.
 */
public final class ChunkRef {
  /** Length of a {@code [url]} ref: the whole file. */
  public static final long WHOLE_FILE = -1;

  private final byte[] inline;
  private final String url;
  private final long offset;
  private final long length;

  private ChunkRef(byte[] inline, String url, long offset, long length) {
    this.inline = inline;
    this.url = url;
    this.offset = offset;
    this.length = length;
  }

  /** A ref whose bytes are stored in the RFS itself. The array is not copied: do not modify it. */
  public static ChunkRef inline(byte[] bytes) {
    return new ChunkRef(Objects.requireNonNull(bytes), null, 0, bytes.length);
  }

  /** A ref to {@code length} bytes at {@code offset} of {@code url}. */
  public static ChunkRef range(String url, long offset, long length) {
    if (offset < 0 || (length < 0 && length != WHOLE_FILE)) {
      throw new IllegalArgumentException("invalid range " + offset + "+" + length + " of " + url);
    }
    return new ChunkRef(null, Objects.requireNonNull(url), offset, length);
  }

  public boolean isInline() {
    return inline != null;
  }

  /** The inline bytes (not a copy); null for a range ref. */
  public byte[] inlineBytes() {
    return inline;
  }

  /** The url of a range ref (templates substituted, not yet resolved); null when inline. */
  public String url() {
    return url;
  }

  public long offset() {
    return offset;
  }

  /** Byte count; {@link #WHOLE_FILE} for {@code [url]}. */
  public long length() {
    return length;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChunkRef)) {
      return false;
    }
    ChunkRef r = (ChunkRef) o;
    return offset == r.offset && length == r.length && Objects.equals(url, r.url)
        && Arrays.equals(inline, r.inline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, offset, length) * 31 + Arrays.hashCode(inline);
  }

  @Override
  public String toString() {
    return inline != null
        ? "inline[" + inline.length + " bytes]"
        : "[" + url + ", " + offset + ", " + length + "]";
  }
}
