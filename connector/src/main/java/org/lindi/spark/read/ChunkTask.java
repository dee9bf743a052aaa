package org.lindi.spark.read;

import java.io.Serializable;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.lindi.container.FileRange;
import org.lindi.error.ErrorContext;

/**
 * One chunk an executor reads: its grid coordinates and store key, and where its stored bytes are,
 * already resolved on the driver (url rewrite, container entry, safety policy): a byte range of a
 * file, bytes inline in the RFS, or nothing (the chunk reads as fill_value).
 */
public final class ChunkTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] coords;
  private final String key;
  private final byte[] inline;
  private final String location;
  private final long offset;
  private final long length;

  private ChunkTask(long[] coords, String key, byte[] inline, String location, long offset, long length) {
    this.coords = coords;
    this.key = key;
    this.inline = inline;
    this.location = location;
    this.offset = offset;
    this.length = length;
  }

  /** A chunk without a ref. */
  public static ChunkTask missing(long[] coords, String key) {
    return new ChunkTask(coords.clone(), key, null, null, 0, 0);
  }

  /** A chunk whose bytes are inline in the RFS. */
  public static ChunkTask inline(long[] coords, String key, byte[] bytes) {
    return new ChunkTask(coords.clone(), key, bytes, null, 0, bytes.length);
  }

  /**
   * A chunk stored at {@code range}; {@code location} is the range's file as a URI string, shared
   * between the chunks of a file so that it is serialised once per partition.
   */
  public static ChunkTask range(long[] coords, String key, String location, FileRange range) {
    return new ChunkTask(coords.clone(), key, null, location, range.offset(), range.length());
  }

  /** Grid coordinates (not a copy: do not modify). */
  long[] coordsRef() {
    return coords;
  }

  public long[] coords() {
    return coords.clone();
  }

  public String key() {
    return key;
  }

  public boolean isMissing() {
    return inline == null && location == null;
  }

  public boolean isInline() {
    return inline != null;
  }

  public boolean isRange() {
    return location != null;
  }

  /** The inline bytes (not a copy). */
  public byte[] inlineBytes() {
    return inline;
  }

  /** The file of a range chunk, as a URI string. */
  public String location() {
    return location;
  }

  public long offset() {
    return offset;
  }

  /** Byte count; -1 for a whole-file ref ({@code [url]}). */
  public long length() {
    return length;
  }

  /** Stored bytes, 0 when unknown or missing. */
  public long storedBytes() {
    return isMissing() ? 0 : Math.max(0, length);
  }

  /** The byte range to read (a range chunk only). */
  public FileRange fileRange(Path file) {
    return new FileRange(file, offset, length);
  }

  /** The file of a range chunk as a Hadoop path. */
  public Path path() {
    return new Path(URI.create(location));
  }

  /** Where this chunk is, for error messages. */
  public ErrorContext context(ArraySpec spec) {
    ErrorContext c = spec.context().withKey(key);
    return location == null ? c : c.withRange(location, offset, length);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChunkTask)) {
      return false;
    }
    ChunkTask t = (ChunkTask) o;
    return Arrays.equals(coords, t.coords) && key.equals(t.key) && Arrays.equals(inline, t.inline)
        && Objects.equals(location, t.location) && offset == t.offset && length == t.length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, location, offset, length);
  }

  @Override
  public String toString() {
    return key + (isMissing() ? " (fill)" : isInline() ? " inline[" + inline.length + "]"
        : " " + location + "[" + offset + ", " + (length < 0 ? "EOF" : String.valueOf(offset + length)) + ")");
  }
}
