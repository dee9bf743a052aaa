package org.lindi.hdf5;

/** The dataspace message (0x0001): the current and maximum shape; -1 marks an unlimited dimension. */
final class Dataspace {
  static final int MAX_RANK = 32;

  final long[] dims;
  final long[] maxDims;
  /** A null dataspace holds no elements at all (not even a scalar). */
  final boolean isNull;

  private Dataspace(long[] dims, long[] maxDims, boolean isNull) {
    this.dims = dims;
    this.maxDims = maxDims;
    this.isNull = isNull;
  }

  static Dataspace parse(MetadataReader file, HeaderMessage m) {
    MetadataCursor c = m.cursor(file, "dataspace message");
    int version = c.u8();
    int rank = c.u8();
    int flags = c.u8();
    boolean isNull = false;
    if (version == 1) {
      c.skip(5);
    } else if (version == 2) {
      int type = c.u8();
      if (type > 2) {
        throw file.corrupt("dataspace message has unknown type " + type, m.address);
      }
      isNull = type == 2;
    } else {
      throw file.unsupported("dataspace message version " + version + " is not supported");
    }
    if (rank > MAX_RANK) {
      throw file.corrupt("dataspace message has rank " + rank + " (at most " + MAX_RANK + ")",
          m.address);
    }
    long[] dims = new long[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = c.lengthField("dimension size");
    }
    long[] max = dims.clone();
    if ((flags & 0x01) != 0) {
      for (int i = 0; i < rank; i++) {
        if (c.nextLengthIsUndefined()) {
          c.skip(file.sizeOfLengths());
          max[i] = -1;
        } else {
          max[i] = c.lengthField("maximum dimension size");
          if (max[i] < dims[i]) {
            throw file.corrupt("dataspace message has a maximum size " + max[i]
                + " below the current size " + dims[i], m.address);
          }
        }
      }
    }
    return new Dataspace(dims, max, isNull);
  }
}
