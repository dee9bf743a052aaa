package org.lindi.chunk;

import java.util.Arrays;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.hdf5.Hdf5Chunk;
import org.lindi.hdf5.Hdf5Dataset;
import org.lindi.rfs.ChunkRef;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.ChunkGrid;

/**
 * Chunk refs of an {@code _EXTERNAL_ARRAY_LINK} array, taken from the HDF5 dataset's chunk index
 * (read once): chunk {@code coords} is {@code [url, address, size]} of the HDF5 file. A contiguous
 * dataset is cut into the {@code .zarray}'s chunks of whole rows; a compact one is inline.
 * Immutable; the index is held as two primitive arrays in C order of the chunk grid.
 */
public final class Hdf5ChunkLocator implements ChunkLocator {
  private static final long MISSING = -1;

  private final String url;
  private final String prefix;
  private final ChunkGrid grid;
  private final long[] addresses;
  private final long[] sizes;
  private final byte[] compact;
  private final int filterMask;

  private Hdf5ChunkLocator(String url, String arrayPath, ChunkGrid grid, long[] addresses, long[] sizes,
      byte[] compact, int filterMask) {
    this.url = url;
    this.prefix = arrayPath.isEmpty() ? "" : arrayPath + "/";
    this.grid = grid;
    this.addresses = addresses;
    this.sizes = sizes;
    this.compact = compact;
    this.filterMask = filterMask;
  }

  /** The locator of {@code dataset} (of the HDF5 file at {@code url}) for an array with {@code meta}. */
  public static Hdf5ChunkLocator of(String url, String arrayPath, ArrayMetadata meta, Hdf5Dataset dataset) {
    long[] shape = meta.shape();
    if (!Arrays.equals(shape, dataset.shape())) {
      throw new LindiFormatException("HDF5 dataset /" + dataset.path() + " has shape "
          + Arrays.toString(dataset.shape()) + " but .zarray says " + Arrays.toString(shape));
    }
    ChunkGrid grid = meta.grid();
    long n = grid.numChunks();
    if (n > Integer.MAX_VALUE - 16) {
      throw new UnsupportedFeatureException("external array with " + n + " chunks");
    }
    long[] addresses = new long[(int) n];
    long[] sizes = new long[(int) n];
    Arrays.fill(addresses, MISSING);
    int[] chunks = meta.chunks();
    switch (dataset.layout()) {
      case CHUNKED:
        if (!Arrays.equals(chunks, dataset.chunkShape())) {
          throw new LindiFormatException("HDF5 dataset /" + dataset.path() + " has chunks "
              + Arrays.toString(dataset.chunkShape()) + " but .zarray says " + Arrays.toString(chunks));
        }
        int mask = dataset.chunks().isEmpty() ? 0 : dataset.chunks().get(0).filterMask();
        for (Hdf5Chunk c : dataset.chunks()) {
          if (c.filterMask() != mask) {
            throw new UnsupportedFeatureException("HDF5 chunks of /" + dataset.path()
                + " skip different filters (filter masks " + mask + " and " + c.filterMask() + ")");
          }
          int index = linearIndex(grid, c.offset(), chunks);
          addresses[index] = c.address();
          sizes[index] = c.size();
        }
        return new Hdf5ChunkLocator(url, arrayPath, grid, addresses, sizes, null, mask);
      case CONTIGUOUS:
        return contiguous(url, arrayPath, meta, dataset, grid, addresses, sizes);
      default:
        if (n != 1) {
          throw new UnsupportedFeatureException("compact HDF5 dataset /" + dataset.path()
              + " split into " + n + " chunks by its .zarray");
        }
        return new Hdf5ChunkLocator(url, arrayPath, grid, addresses, sizes, dataset.compactData(), 0);
    }
  }

  private static Hdf5ChunkLocator contiguous(String url, String arrayPath, ArrayMetadata meta,
      Hdf5Dataset dataset, ChunkGrid grid, long[] addresses, long[] sizes) {
    long[] shape = meta.shape();
    int[] chunks = meta.chunks();
    long rowBytes = meta.dtype().itemSize();
    for (int k = 1; k < shape.length; k++) {
      if (chunks[k] < shape[k]) {
        throw new UnsupportedFeatureException("contiguous HDF5 dataset /" + dataset.path()
            + " with chunks " + Arrays.toString(chunks) + " that split axes other than 0");
      }
      rowBytes *= shape[k];
    }
    if (dataset.contiguousAddress() < 0) {
      return new Hdf5ChunkLocator(url, arrayPath, grid, addresses, sizes, null, 0);
    }
    long rows = shape.length == 0 ? 1 : shape[0];
    for (int i = 0; i < addresses.length; i++) {
      long first = shape.length == 0 ? 0 : (long) i * chunks[0];
      long count = shape.length == 0 ? 1 : Math.min(chunks[0], rows - first);
      addresses[i] = dataset.contiguousAddress() + first * rowBytes;
      sizes[i] = count * rowBytes;
    }
    return new Hdf5ChunkLocator(url, arrayPath, grid, addresses, sizes, null, 0);
  }

  private static int linearIndex(ChunkGrid grid, long[] offset, int[] chunks) {
    long index = 0;
    for (int k = 0; k < chunks.length; k++) {
      long coord = offset[k] / chunks[k];
      if (offset[k] % chunks[k] != 0 || coord >= grid.gridShape(k)) {
        throw new LindiFormatException("HDF5 chunk offset " + Arrays.toString(offset)
            + " does not lie on the chunk grid " + grid);
      }
      index = index * grid.gridShape(k) + coord;
    }
    return (int) index;
  }

  private int linearIndex(long[] coords) {
    long index = 0;
    for (int k = 0; k < coords.length; k++) {
      index = index * grid.gridShape(k) + coords[k];
    }
    return (int) index;
  }

  @Override
  public ChunkRef locate(long[] coords) {
    if (compact != null) {
      return ChunkRef.inline(compact);
    }
    int i = linearIndex(coords);
    return addresses[i] == MISSING ? null : ChunkRef.range(url, addresses[i], sizes[i]);
  }

  @Override
  public String key(long[] coords) {
    return prefix + grid.chunkKey(coords);
  }

  /**
   * The HDF5 filter mask every chunk shares (bit i set = filter i skipped, as optional filters are
   * when they do not help); the codecs to decode with are {@code dataset.filterCodecs(mask)}.
   */
  public int filterMask() {
    return filterMask;
  }

  /** Number of allocated chunks. */
  public long allocatedChunks() {
    if (compact != null) {
      return 1;
    }
    long n = 0;
    for (long a : addresses) {
      n += a == MISSING ? 0 : 1;
    }
    return n;
  }

  /** Stored bytes of all allocated chunks. */
  public long storedBytes() {
    if (compact != null) {
      return compact.length;
    }
    long n = 0;
    for (int i = 0; i < addresses.length; i++) {
      n += addresses[i] == MISSING ? 0 : sizes[i];
    }
    return n;
  }

  @Override
  public String toString() {
    return "Hdf5ChunkLocator[" + url + " " + prefix + " " + allocatedChunks() + " chunks]";
  }
}
