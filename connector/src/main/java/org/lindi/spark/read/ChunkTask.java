package org.lindi.spark.read;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.lindi.container.FileRange;
import org.lindi.error.ErrorContext;
import org.lindi.zarr.ChunkGrid;

/**
 * One chunk an executor reads: its grid coordinates and store key, and where its stored bytes are,
 * already resolved on the driver (url rewrite, container entry, safety policy): a byte range of a
 * file, bytes inline in the RFS, or nothing (the chunk reads as fill_value). Made on the executor
 * from a partition's {@link ResolvedChunks}; the key is only spelled out when asked for.
 */
public final class ChunkTask {
  private final long[] coords;
  private final String array;
  private final ChunkGrid grid;
  private String key;
  private final byte[] inline;
  private final String location;
  private final long offset;
  private final long length;

  private ChunkTask(long[] coords, ArraySpec spec, byte[] inline, String location, long offset, long length) {
    this.coords = coords;
    this.array = spec.array();
    this.grid = spec.grid();
    this.inline = inline;
    this.location = location;
    this.offset = offset;
    this.length = length;
  }

  /** Chunk {@code c} of {@code chunks}, at grid coordinates {@code coords} (kept, not copied). */
  static ChunkTask of(ArraySpec spec, long[] coords, ResolvedChunks chunks, int c) {
    if (chunks.isMissing(c)) {
      return new ChunkTask(coords, spec, null, null, 0, 0);
    }
    if (chunks.isInline(c)) {
      byte[] bytes = chunks.inlineBytes(c);
      return new ChunkTask(coords, spec, bytes, null, 0, bytes.length);
    }
    return new ChunkTask(coords, spec, null, chunks.location(c), chunks.offset(c), chunks.length(c));
  }

  /** The store key of chunk {@code coords} of the array {@code spec}, as its chunk locator names it. */
  static String key(ArraySpec spec, long[] coords) {
    return (spec.array().isEmpty() ? "" : spec.array() + "/") + spec.grid().chunkKey(coords);
  }

  /** Grid coordinates (not a copy: do not modify). */
  long[] coordsRef() {
    return coords;
  }

  public long[] coords() {
    return coords.clone();
  }

  public String key() {
    if (key == null) {
      key = (array.isEmpty() ? "" : array + "/") + grid.chunkKey(coords);
    }
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
    ErrorContext c = spec.context().withKey(key());
    return location == null ? c : c.withRange(location, offset, length);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChunkTask)) {
      return false;
    }
    ChunkTask t = (ChunkTask) o;
    return Arrays.equals(coords, t.coords) && array.equals(t.array) && Arrays.equals(inline, t.inline)
        && Objects.equals(location, t.location) && offset == t.offset && length == t.length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(coords), location, offset, length);
  }

  @Override
  public String toString() {
    return key() + (isMissing() ? " (fill)" : isInline() ? " inline[" + inline.length + "]"
        : " " + location + "[" + offset + ", " + (length < 0 ? "EOF" : String.valueOf(offset + length)) + ")");
  }
}
