package org.lindi.chunk;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lindi.codec.ByteSlice;
import org.lindi.container.FileRange;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.io.ChunkRangeReader;
import org.lindi.io.UrlResolver;
import org.lindi.rfs.ChunkRef;

/**
 * The stored bytes of chunk refs: inline bytes as they are, ranges through the {@link UrlResolver}
 * (rewrite, container, safety policy) and one {@link ChunkRangeReader} (coalesced range reads).
 * Thread safe: reads are serialised on the reader, since it keeps one open stream per file.
 */
public final class ChunkSource implements Closeable {
  private final UrlResolver resolver;
  private final ChunkRangeReader reader;

  public ChunkSource(UrlResolver resolver, ChunkRangeReader reader) {
    this.resolver = resolver;
    this.reader = reader;
  }

  /** The bytes of one ref. */
  public ByteSlice fetch(ChunkRef ref) {
    if (ref.isInline()) {
      return ByteSlice.of(ref.inlineBytes());
    }
    FileRange range = resolve(ref);
    synchronized (reader) {
      return reader.read(range);
    }
  }

  /** The bytes of several refs, in order; ranges in the same file are coalesced. */
  public List<ByteSlice> fetchAll(List<ChunkRef> refs) {
    List<FileRange> ranges = new ArrayList<>();
    for (ChunkRef r : refs) {
      if (!r.isInline()) {
        ranges.add(resolve(r));
      }
    }
    List<ByteSlice> fetched;
    synchronized (reader) {
      fetched = ranges.isEmpty() ? List.of() : reader.readAll(ranges);
    }
    List<ByteSlice> out = new ArrayList<>(refs.size());
    int next = 0;
    for (ChunkRef r : refs) {
      out.add(r.isInline() ? ByteSlice.of(r.inlineBytes()) : fetched.get(next++));
    }
    return out;
  }

  /** The file at {@code url} (resolved like a ref) as an HDF5 byte source sharing this reader. */
  public org.lindi.hdf5.ByteSource byteSource(String url) {
    FileRange whole = resolve(ChunkRef.range(url, 0, ChunkRef.WHOLE_FILE));
    synchronized (reader) {
      return new RangeByteSource(reader, whole);
    }
  }

  private FileRange resolve(ChunkRef ref) {
    try {
      return resolver.resolve(ref);
    } catch (LindiException e) {
      throw e.addContext(ErrorContext.EMPTY.withRange(ref.url(), ref.offset(), ref.length()));
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
