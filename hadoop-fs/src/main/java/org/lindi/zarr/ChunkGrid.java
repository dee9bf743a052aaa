package org.lindi.zarr;

import java.util.Arrays;

/**
 * The regular grid of chunks over an array: how many chunks per axis, each chunk's key, start and
 * extent (trimmed at the array's edge). Immutable.
 */
public final class ChunkGrid {
  private final long[] shape;
  private final int[] chunks;
  private final long[] gridShape;
  private final char separator;

  public ChunkGrid(long[] shape, int[] chunks, char separator) {
    this.shape = shape.clone();
    this.chunks = chunks.clone();
    this.separator = separator;
    this.gridShape = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      gridShape[i] = (shape[i] + chunks[i] - 1) / chunks[i];
    }
  }

  public int rank() {
    return shape.length;
  }

  /** Number of chunks along each axis. */
  public long[] gridShape() {
    return gridShape.clone();
  }

  public long gridShape(int axis) {
    return gridShape[axis];
  }

  public int chunkSize(int axis) {
    return chunks[axis];
  }

  public long arrayShape(int axis) {
    return shape[axis];
  }

  /** Total number of chunks; 1 for a rank-0 grid. */
  public long numChunks() {
    long n = 1;
    for (long g : gridShape) {
      n *= g;
    }
    return n;
  }

  /** The character between coordinates in chunk keys ({@code .} or {@code /}). */
  public char separator() {
    return separator;
  }

  /** The store key suffix of a chunk, e.g. {@code "2.0"} or {@code "2/0"}; {@code "0"} for rank 0. */
  public String chunkKey(long[] coords) {
    if (coords.length == 0) {
      return "0";
    }
    StringBuilder sb = new StringBuilder(coords.length * 3);
    for (int i = 0; i < coords.length; i++) {
      if (i > 0) {
        sb.append(separator);
      }
      sb.append(coords[i]);
    }
    return sb.toString();
  }

  /** First element of chunk {@code coord} along {@code axis}. */
  public long chunkStart(int axis, long coord) {
    return coord * chunks[axis];
  }

  /** Extent of chunk {@code coord} along {@code axis}, trimmed at the array's edge. */
  public int chunkExtent(int axis, long coord) {
    return (int) Math.min(chunks[axis], shape[axis] - coord * chunks[axis]);
  }

  /** Elements of chunk {@code coords} inside the array. */
  public long trimmedElements(long[] coords) {
    long n = 1;
    for (int i = 0; i < coords.length; i++) {
      n *= chunkExtent(i, coords[i]);
    }
    return n;
  }

  /** Grid coordinates of the chunk with C-order linear index {@code index}. */
  public long[] coordsOf(long index) {
    long[] c = new long[gridShape.length];
    for (int i = gridShape.length - 1; i >= 0; i--) {
      c[i] = index % gridShape[i];
      index /= gridShape[i];
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkGrid && Arrays.equals(shape, ((ChunkGrid) o).shape)
        && Arrays.equals(chunks, ((ChunkGrid) o).chunks) && separator == ((ChunkGrid) o).separator;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + Arrays.hashCode(chunks);
  }

  @Override
  public String toString() {
    return "ChunkGrid{shape=" + Arrays.toString(shape) + ", chunks=" + Arrays.toString(chunks)
        + ", grid=" + Arrays.toString(gridShape) + "}";
  }
}
