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
 * small table of file URIs), offset and length per chunk; inline chunks in one byte pool. About 20
 * bytes a chunk in memory and serialised, where an object per chunk took several times that.
 * Immutable.
 */
final class ResolvedChunks implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Location index of a chunk without a ref. */
  static final int MISSING = -1;
  /** Location index of an inline chunk: offset and length address the inline pool. */
  static final int INLINE = -2;

  static final ResolvedChunks EMPTY =
      new ResolvedChunks(new String[0], new int[0], new long[0], new long[0], new byte[0]);

  private final String[] locations;
  private final int[] location;
  private final long[] offset;
  private final long[] length;
  private final byte[] inline;

  private ResolvedChunks(String[] locations, int[] location, long[] offset, long[] length, byte[] inline) {
    this.locations = locations;
    this.location = location;
    this.offset = offset;
    this.length = length;
    this.inline = inline;
  }

  int size() {
    return location.length;
  }

  boolean isMissing(int c) {
    return location[c] == MISSING;
  }

  boolean isInline(int c) {
    return location[c] == INLINE;
  }

  /** The file URI of range chunk {@code c}. */
  String location(int c) {
    return locations[location[c]];
  }

  long offset(int c) {
    return offset[c];
  }

  long length(int c) {
    return length[c];
  }

  /** A copy of the bytes of inline chunk {@code c}. */
  byte[] inlineBytes(int c) {
    int from = (int) offset[c];
    return Arrays.copyOfRange(inline, from, from + (int) length[c]);
  }

  /** Stored bytes of range chunks {@code [from, to)} (inline and missing ones are not fetched). */
  long storedBytes(int from, int to) {
    long n = 0;
    for (int c = from; c < to; c++) {
      if (location[c] >= 0) {
        n += Math.max(0, length[c]);
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ResolvedChunks)) {
      return false;
    }
    ResolvedChunks r = (ResolvedChunks) o;
    return Arrays.equals(locations, r.locations) && Arrays.equals(location, r.location)
        && Arrays.equals(offset, r.offset) && Arrays.equals(length, r.length) && Arrays.equals(inline, r.inline);
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
    private int[] location;
    private long[] offset;
    private long[] length;
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
      this.location = new int[Math.max(1, expected)];
      this.offset = new long[location.length];
      this.length = new long[location.length];
      this.grid = spec.grid();
      this.resolver = resolver;
    }

    /** Appends chunks {@code [from, to)} (C-order grid indexes) as {@code locator} finds them. */
    Builder add(ChunkLocator locator, long from, long to) {
      locator.forEachRef(grid, from, to, this);
      return this;
    }

    private int next() {
      if (count == location.length) {
        int n = count * 2;
        location = Arrays.copyOf(location, n);
        offset = Arrays.copyOf(offset, n);
        length = Arrays.copyOf(length, n);
      }
      return count++;
    }

    @Override
    public void missing(long cell) {
      int c = next();
      location[c] = MISSING;
    }

    @Override
    public void inline(long cell, byte[] bytes) {
      int c = next();
      if (inline.length - inlineSize < bytes.length) {
        inline = Arrays.copyOf(inline, Math.max(inline.length * 2, inlineSize + bytes.length));
      }
      System.arraycopy(bytes, 0, inline, inlineSize, bytes.length);
      location[c] = INLINE;
      offset[c] = inlineSize;
      length[c] = bytes.length;
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
      location[c] = id;
      offset[c] = r.offset();
      length[c] = r.length();
    }

    int count() {
      return count;
    }

    ResolvedChunks build() {
      boolean exact = count == location.length;
      return new ResolvedChunks(locations.toArray(new String[0]), exact ? location : Arrays.copyOf(location, count),
          exact ? offset : Arrays.copyOf(offset, count), exact ? length : Arrays.copyOf(length, count),
          Arrays.copyOf(inline, inlineSize));
    }
  }
}
