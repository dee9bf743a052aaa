package org.lindi.spark.read;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/** One row of the catalog (SPEC section 6): a group, array or link of a file, as plain values. */
public final class CatalogEntry implements Serializable {
  private static final long serialVersionUID = 1L;

  final String path;
  final String kind;
  final String dtype;
  final long[] shape;
  final long[] chunks;
  final String compressor;
  final String filters;
  final String attributes;
  final String target;
  final Long numChunks;
  final Long storedBytes;

  CatalogEntry(String path, String kind, String dtype, long[] shape, long[] chunks, String compressor,
      String filters, String attributes, String target, Long numChunks, Long storedBytes) {
    this.path = path;
    this.kind = kind;
    this.dtype = dtype;
    this.shape = shape;
    this.chunks = chunks;
    this.compressor = compressor;
    this.filters = filters;
    this.attributes = attributes;
    this.target = target;
    this.numChunks = numChunks;
    this.storedBytes = storedBytes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CatalogEntry)) {
      return false;
    }
    CatalogEntry e = (CatalogEntry) o;
    return path.equals(e.path) && kind.equals(e.kind) && Objects.equals(dtype, e.dtype)
        && Arrays.equals(shape, e.shape) && Arrays.equals(chunks, e.chunks)
        && Objects.equals(compressor, e.compressor) && Objects.equals(filters, e.filters)
        && Objects.equals(attributes, e.attributes) && Objects.equals(target, e.target)
        && Objects.equals(numChunks, e.numChunks) && Objects.equals(storedBytes, e.storedBytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, kind, dtype);
  }

  @Override
  public String toString() {
    return kind + " /" + path + (dtype != null ? " " + dtype + Arrays.toString(shape) : "")
        + (target != null ? " -> " + target : "");
  }
}
