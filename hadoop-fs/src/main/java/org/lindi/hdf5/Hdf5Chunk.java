package org.lindi.hdf5;

import java.util.Arrays;
import java.util.Objects;

/**
 * One allocated chunk of a chunked HDF5 dataset: its first element on each axis, the absolute file
 * offset and stored (filtered) size of its bytes, and its filter mask (bit {@code i} set: filter
 * {@code i} of the pipeline was not applied to this chunk).
 */
public final class Hdf5Chunk {
  private final long[] offset;
  private final long address;
  private final long size;
  private final int filterMask;

  public Hdf5Chunk(long[] offset, long address, long size, int filterMask) {
    this.offset = offset.clone();
    this.address = address;
    this.size = size;
    this.filterMask = filterMask;
  }

  /** Element coordinates of the chunk's first element (multiples of the chunk shape). */
  public long[] offset() {
    return offset.clone();
  }

  /** Coordinate of the chunk's first element on {@code axis}. */
  public long offset(int axis) {
    return offset[axis];
  }

  /** Absolute byte offset of the chunk in the file. */
  public long address() {
    return address;
  }

  /** Stored size in bytes (after filters). */
  public long size() {
    return size;
  }

  public int filterMask() {
    return filterMask;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Hdf5Chunk)) {
      return false;
    }
    Hdf5Chunk c = (Hdf5Chunk) o;
    return address == c.address && size == c.size && filterMask == c.filterMask
        && Arrays.equals(offset, c.offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, size, filterMask) * 31 + Arrays.hashCode(offset);
  }

  @Override
  public String toString() {
    return "Hdf5Chunk[offset=" + Arrays.toString(offset) + ", address=" + address + ", size=" + size
        + ", filterMask=" + filterMask + "]";
  }
}
