package org.lindi.hdf5;

import java.util.Collections;
import java.util.List;

/** Builds an {@link Hdf5Dataset} from a dataset's object header messages and its chunk index. */
final class DatasetReader {
  private DatasetReader() {}

  static Hdf5Dataset read(MetadataReader file, String path, ObjectHeader header) {
    HeaderMessage space = header.first(HeaderMessage.DATASPACE);
    HeaderMessage type = header.first(HeaderMessage.DATATYPE);
    HeaderMessage layoutMessage = header.first(HeaderMessage.DATA_LAYOUT);
    if (space == null || type == null || layoutMessage == null) {
      String what = GroupLinks.isGroup(header) ? "a group" : "not a dataset";
      throw file.corrupt("/" + path + " is " + what + " (object header at 0x"
          + Long.toHexString(header.address) + ")", header.address);
    }
    if (header.first(HeaderMessage.EXTERNAL_FILES) != null) {
      throw file.unsupported("dataset /" + path + " keeps its data in external files");
    }
    Dataspace dataspace = Dataspace.parse(file, shared(file, space, "dataspace"));
    Hdf5Datatype datatype = Hdf5Datatype.parse(file,
        shared(file, type, "datatype").cursor(file, "datatype message"));
    DataLayoutMessage layout = DataLayoutMessage.parse(file, layoutMessage);
    HeaderMessage pipeline = header.first(HeaderMessage.FILTER_PIPELINE);
    List<Hdf5Filter> filters = pipeline == null ? Collections.emptyList()
        : FilterPipelineMessage.parse(file, shared(file, pipeline, "filter pipeline"));
    byte[] fill = fillValue(file, header);
    long[] dims = dataspace.isNull ? new long[0] : dataspace.dims;
    long[] maxDims = dataspace.isNull ? new long[0] : dataspace.maxDims;

    switch (layout.layoutClass) {
      case DataLayoutMessage.COMPACT:
        return new Hdf5Dataset(file.displayName(), path, dims, maxDims, datatype,
            Hdf5Dataset.Layout.COMPACT, null, Collections.emptyList(), -1, -1,
            layout.compactData, filters, fill);
      case DataLayoutMessage.CONTIGUOUS: {
        long address = -1;
        if (layout.contiguousAddress != MetadataReader.UNDEFINED) {
          file.checkRange(layout.contiguousAddress, layout.contiguousSize,
              "contiguous data of /" + path);
          address = file.absolute(layout.contiguousAddress);
        }
        return new Hdf5Dataset(file.displayName(), path, dims, maxDims, datatype,
            Hdf5Dataset.Layout.CONTIGUOUS, null, Collections.emptyList(), address,
            layout.contiguousSize, null, filters, fill);
      }
      default: {
        if (layout.chunkDims.length != dims.length) {
          throw file.corrupt("dataset /" + path + " has rank " + dims.length + " but chunks of rank "
              + layout.chunkDims.length, layoutMessage.address);
        }
        if (layout.chunkElementSize != datatype.size()) {
          throw file.corrupt("dataset /" + path + " has " + datatype.size()
              + "-byte elements but its layout says " + layout.chunkElementSize,
              layoutMessage.address);
        }
        ChunkGeometry g = new ChunkGeometry(file, "/" + path, dims, maxDims, layout.chunkDims,
            datatype.size(), filters.size(),
            (layout.chunkFlags & DataLayoutMessage.FLAG_DONT_FILTER_PARTIAL_EDGE_CHUNKS) != 0);
        int[] chunkShape = new int[layout.chunkDims.length];
        for (int i = 0; i < chunkShape.length; i++) {
          chunkShape[i] = (int) layout.chunkDims[i];
        }
        return new Hdf5Dataset(file.displayName(), path, dims, maxDims, datatype,
            Hdf5Dataset.Layout.CHUNKED, chunkShape, ChunkIndex.chunks(g, layout), -1, -1, null,
            filters, fill);
      }
    }
  }

  private static byte[] fillValue(MetadataReader file, ObjectHeader header) {
    HeaderMessage m = header.first(HeaderMessage.FILL_VALUE);
    if (m == null) {
      m = header.first(HeaderMessage.FILL_VALUE_OLD);
    }
    return m == null || m.shared() ? null : FillValueMessage.parse(file, m);
  }

  /**
   * The message itself, or, for a shared message (a committed datatype), the message of the same
   * type in the object header it points to.
   */
  private static HeaderMessage shared(MetadataReader file, HeaderMessage m, String what) {
    if (!m.shared()) {
      return m;
    }
    MetadataCursor c = m.cursor(file, "shared " + what + " message");
    int version = c.u8();
    int type = c.u8();
    if (version == 1) {
      c.skip(6);
    } else if (version != 2 && version != 3) {
      throw file.corrupt("shared message of unknown version " + version, m.address);
    }
    if (version == 3 && type != 2) {
      throw file.unsupported("shared " + what + " messages in the shared object header message"
          + " heap are not supported");
    }
    long target = c.address("shared message object header");
    ObjectHeader owner = ObjectHeader.read(file, target);
    HeaderMessage real = owner.first(m.type);
    if (real == null || real.shared()) {
      throw file.corrupt("shared " + what + " message points to 0x" + Long.toHexString(target)
          + ", which has no such message", m.address);
    }
    return real;
  }
}
