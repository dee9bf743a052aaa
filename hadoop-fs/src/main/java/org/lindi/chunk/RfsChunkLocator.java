package org.lindi.chunk;

import org.lindi.rfs.ChunkRef;
import org.lindi.rfs.ChunkRefIndex;
import org.lindi.rfs.ReferenceFileSystem;
import org.lindi.zarr.ChunkGrid;

/** Chunk refs of an array whose chunks are listed in the RFS as {@code <array>/<chunk key>}. */
public final class RfsChunkLocator implements ChunkLocator {
  private final ReferenceFileSystem rfs;
  private final String arrayPath;
  private final String prefix;
  private final ChunkGrid grid;
  /** Built on the first bulk visit: planning a scan visits every chunk of the array. */
  private volatile ChunkRefIndex index;

  public RfsChunkLocator(ReferenceFileSystem rfs, String arrayPath, ChunkGrid grid) {
    this.rfs = rfs;
    this.arrayPath = arrayPath;
    this.prefix = arrayPath.isEmpty() ? "" : arrayPath + "/";
    this.grid = grid;
  }

  @Override
  public ChunkRef locate(long[] coords) {
    return rfs.get(key(coords));
  }

  @Override
  public String key(long[] coords) {
    return prefix + grid.chunkKey(coords);
  }

  /** One scan over the array's keys, then index arithmetic: no key string per chunk. */
  @Override
  public void forEachRef(ChunkGrid g, long from, long to, ChunkRefVisitor visitor) {
    if (!g.equals(grid)) {
      ChunkLocator.super.forEachRef(g, from, to, visitor);
      return;
    }
    ChunkRefIndex ix = index();
    for (long cell = from; cell < to; cell++) {
      int ref = ix.find(cell);
      if (ref < 0) {
        visitor.missing(cell);
      } else if (ix.isInline(ref)) {
        visitor.inline(cell, ix.inlineBytes(ref));
      } else {
        visitor.range(cell, ix.url(ref), ix.offset(ref), ix.length(ref));
      }
    }
  }

  private ChunkRefIndex index() {
    ChunkRefIndex ix = index;
    if (ix == null) {
      synchronized (this) {
        ix = index;
        if (ix == null) {
          ix = rfs.chunkRefIndex(arrayPath, grid.gridShape(), grid.separator());
          index = ix;
        }
      }
    }
    return ix;
  }
}
