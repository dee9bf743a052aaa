package org.lindi.hdf5;

/**
 * The data layout message (0x0008, versions 3 and 4): compact bytes, a contiguous range, or the
 * chunk shape and the chunk index (type, parameters and address).
 */
final class DataLayoutMessage {
  static final int COMPACT = 0;
  static final int CONTIGUOUS = 1;
  static final int CHUNKED = 2;

  /** Chunk index types of layout version 4 (layout version 3 always uses a version 1 B-tree). */
  static final int INDEX_V1_BTREE = 0;
  static final int INDEX_SINGLE = 1;
  static final int INDEX_IMPLICIT = 2;
  static final int INDEX_FIXED_ARRAY = 3;
  static final int INDEX_EXTENSIBLE_ARRAY = 4;
  static final int INDEX_V2_BTREE = 5;

  /** Layout v4 chunk flag: partial edge chunks are stored without filters. */
  static final int FLAG_DONT_FILTER_PARTIAL_EDGE_CHUNKS = 0x01;
  /** Layout v4 chunk flag: the single-chunk index records a filtered size and filter mask. */
  static final int FLAG_SINGLE_INDEX_WITH_FILTER = 0x02;

  final int version;
  final int layoutClass;
  byte[] compactData;
  long contiguousAddress = MetadataReader.UNDEFINED;
  long contiguousSize;
  /** Chunk dimensions without the trailing element-size dimension the message stores. */
  long[] chunkDims;
  long chunkElementSize;
  int chunkFlags;
  int indexType;
  long indexAddress = MetadataReader.UNDEFINED;
  long singleChunkSize = -1;
  int singleChunkFilterMask;

  private DataLayoutMessage(int version, int layoutClass) {
    this.version = version;
    this.layoutClass = layoutClass;
  }

  static DataLayoutMessage parse(MetadataReader file, HeaderMessage m) {
    MetadataCursor c = m.cursor(file, "data layout message");
    int version = c.u8();
    if (version < 3 || version > 4) {
      throw file.unsupported("data layout message version " + version + " is not supported");
    }
    DataLayoutMessage d = new DataLayoutMessage(version, c.u8());
    switch (d.layoutClass) {
      case COMPACT:
        d.compactData = c.bytes(c.u16()).toArray();
        break;
      case CONTIGUOUS:
        d.contiguousAddress = c.address("contiguous data");
        d.contiguousSize = c.lengthField("contiguous data size");
        break;
      case CHUNKED:
        if (version == 3) {
          int ndims = c.u8();
          d.indexType = INDEX_V1_BTREE;
          d.indexAddress = c.address("chunk B-tree");
          long[] dims = new long[ndims];
          for (int i = 0; i < ndims; i++) {
            dims[i] = c.u32();
          }
          d.setChunkDims(file, dims, m);
        } else {
          d.chunkFlags = c.u8();
          int ndims = c.u8();
          int width = c.u8();
          if (width < 1 || width > 8) {
            throw file.corrupt("data layout message has a chunk dimension width of " + width,
                m.address);
          }
          long[] dims = new long[ndims];
          for (int i = 0; i < ndims; i++) {
            dims[i] = c.count(width, "chunk dimension");
          }
          d.setChunkDims(file, dims, m);
          d.indexType = c.u8();
          d.readIndexParameters(file, c, m);
          d.indexAddress = c.address("chunk index");
        }
        break;
      case 3:
        throw file.unsupported("virtual datasets (layout class 3) are not supported");
      default:
        throw file.corrupt("data layout message has unknown layout class " + d.layoutClass,
            m.address);
    }
    return d;
  }

  private void setChunkDims(MetadataReader file, long[] dims, HeaderMessage m) {
    if (dims.length < 2 || dims.length > Dataspace.MAX_RANK + 1) {
      throw file.corrupt("data layout message has " + dims.length + " chunk dimensions", m.address);
    }
    for (long d : dims) {
      if (d <= 0 || d > Integer.MAX_VALUE) {
        throw file.corrupt("data layout message has a chunk dimension of " + d, m.address);
      }
    }
    chunkDims = java.util.Arrays.copyOf(dims, dims.length - 1);
    chunkElementSize = dims[dims.length - 1];
  }

  private void readIndexParameters(MetadataReader file, MetadataCursor c, HeaderMessage m) {
    switch (indexType) {
      case INDEX_SINGLE:
        if ((chunkFlags & FLAG_SINGLE_INDEX_WITH_FILTER) != 0) {
          singleChunkSize = c.lengthField("filtered chunk size");
          singleChunkFilterMask = (int) c.u32();
        }
        break;
      case INDEX_IMPLICIT:
        break;
      case INDEX_FIXED_ARRAY:
        c.u8(); // page bits: the fixed array header repeats them
        break;
      case INDEX_EXTENSIBLE_ARRAY:
        c.skip(5); // the extensible array header repeats these creation parameters
        break;
      case INDEX_V2_BTREE:
        c.skip(6); // node size, split and merge percentages: the B-tree header repeats them
        break;
      default:
        throw file.corrupt("data layout message has unknown chunk index type " + indexType,
            m.address);
    }
  }
}
