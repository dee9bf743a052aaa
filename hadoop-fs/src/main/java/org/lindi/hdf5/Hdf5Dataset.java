package org.lindi.hdf5;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An HDF5 dataset as read from its object header: shape, datatype, layout, filters, fill value and
 * where its bytes are (every allocated chunk, the contiguous range, or the compact bytes).
 * Immutable; it keeps no reference to the file.
 */
public final class Hdf5Dataset {
  /** How the dataset's elements are stored. */
  public enum Layout { COMPACT, CONTIGUOUS, CHUNKED }

  private final String file;
  private final String path;
  private final long[] shape;
  private final long[] maxShape;
  private final Hdf5Datatype datatype;
  private final Layout layout;
  private final int[] chunkShape;
  private final List<Hdf5Chunk> chunks;
  private final long contiguousAddress;
  private final long contiguousSize;
  private final byte[] compactData;
  private final List<Hdf5Filter> filters;
  private final byte[] fillValue;

  Hdf5Dataset(String file, String path, long[] shape, long[] maxShape, Hdf5Datatype datatype,
      Layout layout, int[] chunkShape, List<Hdf5Chunk> chunks, long contiguousAddress,
      long contiguousSize, byte[] compactData, List<Hdf5Filter> filters, byte[] fillValue) {
    this.file = file;
    this.path = path;
    this.shape = shape.clone();
    this.maxShape = maxShape.clone();
    this.datatype = datatype;
    this.layout = layout;
    this.chunkShape = chunkShape == null ? null : chunkShape.clone();
    this.chunks = List.copyOf(chunks);
    this.contiguousAddress = contiguousAddress;
    this.contiguousSize = contiguousSize;
    this.compactData = compactData == null ? null : compactData.clone();
    this.filters = List.copyOf(filters);
    this.fillValue = fillValue == null ? null : fillValue.clone();
  }

  /** Path of the dataset in the file, without a leading slash. */
  public String path() {
    return path;
  }

  /** Current dimension sizes; empty for a scalar. */
  public long[] shape() {
    return shape.clone();
  }

  /** Maximum dimension sizes; -1 for an unlimited dimension. */
  public long[] maxShape() {
    return maxShape.clone();
  }

  public Hdf5Datatype datatype() {
    return datatype;
  }

  /** The numpy dtype, e.g. {@code "<i2"}; throws for datatypes without one. */
  public String dtype() {
    return datatype.dtype();
  }

  public Layout layout() {
    return layout;
  }

  /** Chunk shape of a chunked dataset, null otherwise. */
  public int[] chunkShape() {
    return chunkShape == null ? null : chunkShape.clone();
  }

  /**
   * Every allocated chunk of a chunked dataset, sorted by offset (C order); chunks never written
   * are absent and read as the fill value. Empty for other layouts. Each chunk holds a full
   * {@link #chunkShape()} of elements, also at the edges.
   */
  public List<Hdf5Chunk> chunks() {
    return chunks;
  }

  /** Absolute file offset of a contiguous dataset's bytes; -1 when not contiguous or unallocated. */
  public long contiguousAddress() {
    return contiguousAddress;
  }

  /** Size in bytes of a contiguous dataset's bytes; -1 when not contiguous. */
  public long contiguousSize() {
    return contiguousSize;
  }

  /** The bytes of a compact dataset (stored in its object header); null for other layouts. */
  public byte[] compactData() {
    return compactData == null ? null : compactData.clone();
  }

  /** The filter pipeline in encoding order. */
  public List<Hdf5Filter> filters() {
    return filters;
  }

  /**
   * The filters as numcodecs codec configurations in Zarr {@code filters} order (decode in
   * reverse), for chunks with filter mask 0.
   *
   * @throws org.lindi.error.UnsupportedFeatureException naming a filter without a codec
   */
  public List<JsonNode> filterCodecs() {
    return filterCodecs(0);
  }

  /** Like {@link #filterCodecs()}, leaving out the filters a chunk's filter mask marks as skipped. */
  public List<JsonNode> filterCodecs(int filterMask) {
    return FilterCodecs.codecs(filters, datatype.size(), filterMask, file, path);
  }

  /** The fill value's raw bytes in the dataset's byte order, or null when none is defined (zeros). */
  public byte[] fillValue() {
    return fillValue == null ? null : fillValue.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Hdf5Dataset)) {
      return false;
    }
    Hdf5Dataset d = (Hdf5Dataset) o;
    return contiguousAddress == d.contiguousAddress && contiguousSize == d.contiguousSize
        && file.equals(d.file) && path.equals(d.path) && Arrays.equals(shape, d.shape)
        && Arrays.equals(maxShape, d.maxShape) && datatype.equals(d.datatype)
        && layout == d.layout && Arrays.equals(chunkShape, d.chunkShape) && chunks.equals(d.chunks)
        && Arrays.equals(compactData, d.compactData) && filters.equals(d.filters)
        && Arrays.equals(fillValue, d.fillValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, path, layout, datatype, chunks.size()) * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "Hdf5Dataset[" + file + ":/" + path + ", shape=" + Arrays.toString(shape) + ", "
        + datatype + ", " + layout
        + (chunkShape != null ? ", chunks=" + Arrays.toString(chunkShape) + " x" + chunks.size() : "")
        + (filters.isEmpty() ? "" : ", filters=" + filters) + "]";
  }
}
