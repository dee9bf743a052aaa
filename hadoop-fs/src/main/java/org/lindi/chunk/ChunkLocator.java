package org.lindi.chunk;

import org.lindi.rfs.ChunkRef;
import org.lindi.zarr.ChunkGrid;

/** Finds where the stored bytes of a chunk are: in the RFS, or (later) in an HDF5 chunk index. */
public interface ChunkLocator {
  /** The ref of chunk {@code coords}, or null when the chunk has none (it reads as fill_value). */
  ChunkRef locate(long[] coords);

  /** The store key of chunk {@code coords}, for error messages and partitions. */
  String key(long[] coords);

  /**
   * Visits chunks {@code [from, to)} of {@code grid} (C-order grid indexes) in order. This default
   * locates them one by one; locators with a faster bulk path override it.
   */
  default void forEachRef(ChunkGrid grid, long from, long to, ChunkRefVisitor visitor) {
    for (long cell = from; cell < to; cell++) {
      ChunkRef ref = locate(grid.coordsOf(cell));
      if (ref == null) {
        visitor.missing(cell);
      } else if (ref.isInline()) {
        visitor.inline(cell, ref.inlineBytes());
      } else {
        visitor.range(cell, ref.url(), ref.offset(), ref.length());
      }
    }
  }
}
