package org.lindi.spark.read;

import org.lindi.chunk.DecodedChunk;
import org.lindi.chunk.Hyperslab;
import org.lindi.tree.ObjectElements;
import org.lindi.zarr.ChunkGrid;

/**
 * The part of a decoded chunk inside the array (trimmed at its edges), in C order, for the
 * {@code chunks} layout: the chunk's own buffer when it is whole, else a copy into a reusable buffer.
 */
final class ChunkView {
  private final ArraySpec spec;
  private final ChunkGrid grid;
  private final int itemSize;
  private final boolean objects;
  private byte[] buffer = new byte[0];

  /** The current chunk's elements; valid until the next {@link #of}. */
  byte[] bytes;
  int byteOffset;
  Object[] elements;
  int count;
  final long[] start;
  final long[] extent;

  ChunkView(ArraySpec spec) {
    this.spec = spec;
    this.grid = spec.grid();
    this.objects = spec.element().isObject();
    this.itemSize = objects ? 0 : spec.metadata().dtype().itemSize();
    this.start = new long[grid.rank()];
    this.extent = new long[grid.rank()];
  }

  /** Points this view at the inside part of {@code chunk} (of task {@code t}). */
  ChunkView of(ChunkTask t, DecodedChunk chunk) {
    long[] coords = t.coordsRef();
    boolean whole = true;
    long n = 1;
    for (int k = 0; k < coords.length; k++) {
      start[k] = grid.chunkStart(k, coords[k]);
      extent[k] = grid.chunkExtent(k, coords[k]);
      whole &= extent[k] == grid.chunkSize(k);
      n *= extent[k];
    }
    count = Math.toIntExact(n);
    if (whole) {
      if (objects) {
        elements = chunk.objects();
      } else {
        bytes = chunk.bytes().array();
        byteOffset = chunk.bytes().offset();
      }
    } else {
      Hyperslab box = new Hyperslab(start, extent);
      if (objects) {
        elements = new Object[count];
        box.copy(chunk, start, elements);
      } else {
        if (buffer.length < (long) count * itemSize) {
          buffer = new byte[Math.toIntExact((long) count * itemSize)];
        }
        box.copy(chunk, start, itemSize, buffer);
        bytes = buffer;
        byteOffset = 0;
      }
    }
    if (objects) {
      ObjectElements.interpret(elements, spec.compoundType());
    }
    return this;
  }

  int itemSize() {
    return itemSize;
  }
}
