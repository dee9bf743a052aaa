package org.lindi.chunk;

import org.lindi.rfs.ChunkRef;
import org.lindi.rfs.ReferenceFileSystem;
import org.lindi.zarr.ChunkGrid;

/** Chunk refs of an array whose chunks are listed in the RFS as {@code <array>/<chunk key>}. */
public final class RfsChunkLocator implements ChunkLocator {
  private final ReferenceFileSystem rfs;
  private final String prefix;
  private final ChunkGrid grid;

  public RfsChunkLocator(ReferenceFileSystem rfs, String arrayPath, ChunkGrid grid) {
    this.rfs = rfs;
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
}
