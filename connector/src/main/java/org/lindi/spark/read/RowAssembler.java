package org.lindi.spark.read;

import org.lindi.chunk.DecodedChunk;
import org.lindi.chunk.Hyperslab;
import org.lindi.codec.ByteSlice;
import org.lindi.tree.ObjectElements;
import org.lindi.zarr.ChunkGrid;

/**
 * Decodes a row of chunks into a {@link RowBlock}. When one chunk spans all axes beyond 0 exactly
 * (the common ephys layout, and every 1-D array), the block is the decoded chunk itself, no copy;
 * otherwise the chunks are copied side by side into a reusable buffer.
 */
final class RowAssembler {
  private final ChunkFetcher fetcher;
  private final ArraySpec spec;
  private final ChunkGrid grid;
  private final long[] shape;
  private final int rowElements;
  private final int itemSize;
  private final boolean objects;
  private final boolean direct;
  private byte[] buffer = new byte[0];

  RowAssembler(ChunkFetcher fetcher) {
    this.fetcher = fetcher;
    this.spec = fetcher.spec();
    this.grid = spec.grid();
    this.shape = spec.metadata().shape();
    this.rowElements = Math.toIntExact(spec.rowElements());
    this.objects = spec.element().isObject();
    this.itemSize = objects ? 0 : spec.metadata().dtype().itemSize();
    boolean d = true;
    for (int k = 1; k < shape.length; k++) {
      d &= grid.chunkSize(k) == shape[k];
    }
    this.direct = d;
  }

  /** Decodes row {@code r} of the partition. */
  RowBlock assemble(int r, RowOfChunks row) {
    ByteSlice[] stored = fetcher.stored(r);
    if (shape.length == 0 || (direct && row.chunkCount() == 1)) {
      DecodedChunk c = fetcher.decode(row.chunk(0), stored[0]);
      Object[] objs = null;
      if (objects) {
        objs = c.objects();
        ObjectElements.interpret(objs, spec.compoundType());
      }
      ByteSlice b = c.bytes();
      return new RowBlock(row.firstRow(), row.rows(), rowElements, itemSize, b == null ? null : b.array(),
          b == null ? 0 : b.offset(), objs);
    }
    long[] start = new long[shape.length];
    long[] count = shape.clone();
    start[0] = row.firstRow();
    count[0] = row.rows();
    Hyperslab box = new Hyperslab(start, count);
    long elements = (long) row.rows() * rowElements;
    Object[] objs = objects ? new Object[Math.toIntExact(elements)] : null;
    if (!objects && buffer.length < elements * itemSize) {
      buffer = new byte[Math.toIntExact(elements * itemSize)];
    }
    long[] origin = new long[shape.length];
    for (int c = 0; c < row.chunkCount(); c++) {
      ChunkTask t = row.chunk(c);
      DecodedChunk chunk = fetcher.decode(t, stored[c]);
      long[] coords = t.coordsRef();
      for (int k = 0; k < coords.length; k++) {
        origin[k] = grid.chunkStart(k, coords[k]);
      }
      if (objects) {
        box.copy(chunk, origin, objs);
      } else {
        box.copy(chunk, origin, itemSize, buffer);
      }
    }
    if (objects) {
      ObjectElements.interpret(objs, spec.compoundType());
    }
    return new RowBlock(row.firstRow(), row.rows(), rowElements, itemSize, objects ? null : buffer, 0, objs);
  }
}
