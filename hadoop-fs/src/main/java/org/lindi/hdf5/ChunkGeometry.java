package org.lindi.hdf5;

import java.util.List;

/**
 * What every chunk index needs to know about its dataset: the shape, maximum shape and chunk shape,
 * the unfiltered chunk size, how linear chunk indexes map to chunk coordinates, and the checks that
 * turn a raw index entry into a {@link Hdf5Chunk}.
 */
final class ChunkGeometry {
  final MetadataReader file;
  final String path;
  final int rank;
  final long[] dims;
  /** Maximum dimension sizes, -1 where unlimited. */
  final long[] maxDims;
  final long[] chunkDims;
  /** Bytes of one unfiltered chunk. */
  final long chunkBytes;
  final int filterCount;
  final boolean dontFilterPartialEdgeChunks;

  ChunkGeometry(MetadataReader file, String path, long[] dims, long[] maxDims, long[] chunkDims,
      long elementSize, int filterCount, boolean dontFilterPartialEdgeChunks) {
    this.file = file;
    this.path = path;
    this.rank = dims.length;
    this.dims = dims;
    this.maxDims = maxDims;
    this.chunkDims = chunkDims;
    long bytes = elementSize;
    for (long c : chunkDims) {
      bytes = multiply(bytes, c);
    }
    if (bytes > Integer.MAX_VALUE) {
      throw file.corrupt("dataset " + path + " has chunks of " + bytes + " bytes", -1);
    }
    this.chunkBytes = bytes;
    this.filterCount = filterCount;
    this.dontFilterPartialEdgeChunks = dontFilterPartialEdgeChunks;
  }

  boolean filtered() {
    return filterCount > 0;
  }

  /** Number of chunks along {@code axis} for the maximum shape; -1 for an unlimited axis. */
  long maxChunks(int axis) {
    return maxDims[axis] < 0 ? -1 : ceilDiv(maxDims[axis], chunkDims[axis]);
  }

  long currentChunks(int axis) {
    return ceilDiv(dims[axis], chunkDims[axis]);
  }

  /** Number of chunks of the maximum shape (all axes must be bounded), saturating. */
  long maxChunkCount() {
    long n = 1;
    for (int i = 0; i < rank; i++) {
      long m = maxChunks(i);
      if (m < 0) {
        return Long.MAX_VALUE;
      }
      n = multiply(n, m);
    }
    return n;
  }

  /**
   * Chunk coordinates of linear index {@code index} in C order over the maximum chunk grid, with
   * axis {@code front} taken as the slowest-varying one (libhdf5's "swizzle" of the unlimited axis
   * of an extensible array); {@code front} 0 is plain C order.
   */
  long[] scaled(long index, int front) {
    long[] scaled = new long[rank];
    long rest = index;
    for (int i = rank - 1; i >= 0; i--) {
      int axis = swizzled(i, front);
      if (i == 0) {
        scaled[axis] = rest;
      } else {
        long n = maxChunks(axis);
        if (n <= 0) {
          throw file.corrupt("dataset " + path + " has an unlimited axis " + axis
              + " where its chunk index needs a bounded one", -1);
        }
        scaled[axis] = rest % n;
        rest /= n;
      }
    }
    return scaled;
  }

  /** The axis at position {@code i} once axis {@code front} is moved to the front. */
  private static int swizzled(int i, int front) {
    if (i == 0) {
      return front;
    }
    return i <= front ? i - 1 : i;
  }

  /** Adds a chunk from its scaled (chunk grid) coordinates. */
  void addScaled(List<Hdf5Chunk> out, long[] scaled, long address, long size, int mask) {
    long[] offset = new long[rank];
    for (int i = 0; i < rank; i++) {
      if (scaled[i] < 0 || (maxDims[i] >= 0 && scaled[i] >= maxChunks(i))) {
        throw file.corrupt("chunk index of " + path + " lists a chunk at grid position "
            + java.util.Arrays.toString(scaled) + " outside the dataset", address);
      }
      offset[i] = scaled[i] * chunkDims[i];
    }
    add(out, offset, address, size, mask);
  }

  /** Adds a chunk from its element offset, after checking it against the dataset and the file. */
  void add(List<Hdf5Chunk> out, long[] offset, long address, long size, int mask) {
    for (int i = 0; i < rank; i++) {
      if (offset[i] < 0 || offset[i] % chunkDims[i] != 0
          || (maxDims[i] >= 0 && offset[i] >= maxDims[i])) {
        throw file.corrupt("chunk index of " + path + " lists a chunk at "
            + java.util.Arrays.toString(offset) + ", not a chunk of the dataset", address);
      }
    }
    if (size <= 0 || (!filtered() && size != chunkBytes)) {
      throw file.corrupt("chunk index of " + path + " gives chunk " + java.util.Arrays.toString(offset)
          + " an impossible size " + size, address);
    }
    file.checkRange(address, size, "chunk " + java.util.Arrays.toString(offset) + " of " + path);
    int effectiveMask = mask;
    if (dontFilterPartialEdgeChunks && isPartial(offset)) {
      effectiveMask |= (1 << filterCount) - 1; // libhdf5 stores partial edge chunks unfiltered
    }
    out.add(new Hdf5Chunk(offset, file.absolute(address), size, effectiveMask));
  }

  private boolean isPartial(long[] offset) {
    for (int i = 0; i < rank; i++) {
      if (offset[i] + chunkDims[i] > dims[i]) {
        return true;
      }
    }
    return false;
  }

  /** The product, or Long.MAX_VALUE when it overflows. */
  static long multiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  static long ceilDiv(long a, long b) {
    return a / b + (a % b == 0 ? 0 : 1);
  }
}
