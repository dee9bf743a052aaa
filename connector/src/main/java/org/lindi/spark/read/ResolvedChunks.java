package org.lindi.spark.read;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.lindi.chunk.ChunkLocator;
import org.lindi.chunk.ChunkRefVisitor;
import org.lindi.container.FileRange;
import org.lindi.error.LindiException;
import org.lindi.io.UrlResolver;
import org.lindi.zarr.ChunkGrid;

/**
 * Where the chunks of a partition are, resolved on the driver (url rewrite, container entry,
 * safety policy), as primitive columns in the partition's chunk order: a location index (into a
 * small table of file URIs), offset and length per chunk; inline chunks in one byte pool. The
 * columns take what the chunks need: no location column when every chunk is in the first file,
 * lengths as ints when they fit, so the common partition costs 12 bytes a chunk in memory and
 * serialised (an object per chunk took several times that). Immutable.
 */
final class ResolvedChunks implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Location index of a chunk without a ref. */
  static final int MISSING = -1;
  /** Location index of an inline chunk: offset and length address the inline pool. */
  static final int INLINE = -2;

  static final ResolvedChunks EMPTY =
      new ResolvedChunks(new String[0], null, new long[0], new int[0], null, new byte[0]);

  private final String[] locations;
  /** Location index per chunk; null when every chunk is a range of location 0. */
  private final int[] location;
  private final long[] offset;
  /** Lengths when they all fit in an int (else null, and {@link #length64} holds them). */
  private final int[] length32;
  private final long[] length64;
  private final byte[] inline;

  private ResolvedChunks(String[] locations, int[] location, long[] offset, int[] length32, long[] length64,
      byte[] inline) {
    this.locations = locations;
    this.location = location;
    this.offset = offset;
    this.length32 = length32;
    this.length64 = length64;
    this.inline = inline;
  }

  int size() {
    return offset.length;
  }

  private int locationIndex(int c) {
    return location == null ? 0 : location[c];
  }

  boolean isMissing(int c) {
    return locationIndex(c) == MISSING;
  }

  boolean isInline(int c) {
    return locationIndex(c) == INLINE;
  }

  /** The file URI of range chunk {@code c}. */
  String location(int c) {
    return locations[locationIndex(c)];
  }

  long offset(int c) {
    return offset[c];
  }

  long length(int c) {
    return length32 != null ? length32[c] : length64[c];
  }

  /** A copy of the bytes of inline chunk {@code c}. */
  byte[] inlineBytes(int c) {
    int from = (int) offset[c];
    return Arrays.copyOfRange(inline, from, from + (int) length(c));
  }

  /** Stored bytes of range chunks {@code [from, to)} (inline and missing ones are not fetched). */
  long storedBytes(int from, int to) {
    long n = 0;
    for (int c = from; c < to; c++) {
      if (locationIndex(c) >= 0) {
        n += Math.max(0, length(c));
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ResolvedChunks)) {
      return false;
    }
    // the columns' forms follow from the chunks, so equal chunks have equal columns
    ResolvedChunks r = (ResolvedChunks) o;
    return Arrays.equals(locations, r.locations) && Arrays.equals(location, r.location)
        && Arrays.equals(offset, r.offset) && Arrays.equals(length32, r.length32)
        && Arrays.equals(length64, r.length64) && Arrays.equals(inline, r.inline);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(location) * 31 + Arrays.hashCode(offset);
  }

  @Override
  public String toString() {
    return "ResolvedChunks[" + size() + " chunks, " + locations.length + " files]";
  }

  /**
   * Collects the chunks of consecutive grid ranges from a {@link ChunkLocator}, resolving range
   * refs with one {@link UrlResolver}. Not thread-safe.
   */
  static final class Builder implements ChunkRefVisitor {
    private final ArraySpec spec;
    private final ChunkGrid grid;
    private final UrlResolver resolver;
    private final Map<Path, Integer> locationIds = new HashMap<>();
    private final List<String> locations = new ArrayList<>();
    /** Null while every chunk so far is a range of location 0. */
    private int[] location;
    private long[] offset;
    /** Null once a length does not fit in an int ({@link #length64} then holds them all). */
    private int[] length32;
    private long[] length64;
    private byte[] inline = new byte[0];
    private int inlineSize;
    private int count;
    /** The previous range ref's url and where it resolved to: consecutive chunks share files. */
    private String lastUrl;
    private Path lastPath;
    private int lastId;

    /** @param expected chunks to expect (the arrays grow past it) */
    Builder(ArraySpec spec, UrlResolver resolver, int expected) {
      this.spec = spec;
      this.offset = new long[Math.max(1, expected)];
      this.length32 = new int[offset.length];
      this.grid = spec.grid();
      this.resolver = resolver;
    }

    /** Appends chunks {@code [from, to)} (C-order grid indexes) as {@code locator} finds them. */
    Builder add(ChunkLocator locator, long from, long to) {
      locator.forEachRef(grid, from, to, this);
      return this;
    }

    private int next() {
      if (count == offset.length) {
        int n = count * 2;
        location = location == null ? null : Arrays.copyOf(location, n);
        offset = Arrays.copyOf(offset, n);
        length32 = length32 == null ? null : Arrays.copyOf(length32, n);
        length64 = length64 == null ? null : Arrays.copyOf(length64, n);
      }
      return count++;
    }

    private void setLocation(int c, int id) {
      if (location == null) {
        if (id == 0) {
          return;
        }
        location = new int[offset.length]; // zeros: location 0 for the chunks before
      }
      location[c] = id;
    }

    private void setLength(int c, long len) {
      if (length32 != null) {
        if (len == (int) len) {
          length32[c] = (int) len;
          return;
        }
        length64 = new long[offset.length];
        for (int i = 0; i < c; i++) {
          length64[i] = length32[i];
        }
        length32 = null;
      }
      length64[c] = len;
    }

    @Override
    public void missing(long cell) {
      int c = next();
      setLocation(c, MISSING);
    }

    @Override
    public void inline(long cell, byte[] bytes) {
      int c = next();
      if (inline.length - inlineSize < bytes.length) {
        inline = Arrays.copyOf(inline, Math.max(inline.length * 2, inlineSize + bytes.length));
      }
      System.arraycopy(bytes, 0, inline, inlineSize, bytes.length);
      setLocation(c, INLINE);
      offset[c] = inlineSize;
      setLength(c, bytes.length);
      inlineSize += bytes.length;
    }

    @Override
    public void range(long cell, String url, long off, long len) {
      FileRange r;
      try {
        r = resolver.resolve(url, off, len);
      } catch (LindiException e) {
        throw e.addContext(spec.context().withKey(ChunkTask.key(spec, grid.coordsOf(cell))));
      }
      int id;
      if (r.path() == lastPath || (url.equals(lastUrl) && r.path().equals(lastPath))) {
        id = lastId;
      } else {
        id = locationIds.computeIfAbsent(r.path(), p -> {
          locations.add(p.toUri().toString());
          return locations.size() - 1;
        });
      }
      lastUrl = url;
      lastPath = r.path();
      lastId = id;
      int c = next();
      setLocation(c, id);
      offset[c] = r.offset();
      setLength(c, r.length());
    }

    int count() {
      return count;
    }

    ResolvedChunks build() {
      boolean exact = count == offset.length;
      return new ResolvedChunks(locations.toArray(new String[0]),
          location == null || exact ? location : Arrays.copyOf(location, count),
          exact ? offset : Arrays.copyOf(offset, count),
          length32 == null || exact ? length32 : Arrays.copyOf(length32, count),
          length64 == null || exact ? length64 : Arrays.copyOf(length64, count),
          Arrays.copyOf(inline, inlineSize));
    }
  }
}
