package org.lindi.hdf5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lindi.error.ErrorContext;
import org.lindi.error.UnsupportedFeatureException;

/**
 * Maps an HDF5 filter pipeline to numcodecs-style codec configurations, in pipeline (encoding)
 * order, which is the order of a Zarr {@code filters} list: decoding runs them in reverse.
 */
final class FilterCodecs {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] BLOSC_COMPRESSORS = {"blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd"};

  private FilterCodecs() {}

  /**
   * The codecs of the filters that {@code filterMask} does not mark as skipped.
   *
   * @throws UnsupportedFeatureException naming the filter id when a filter has no codec
   */
  static List<JsonNode> codecs(List<Hdf5Filter> filters, int itemSize, int filterMask,
      String file, String path) {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      if (i < 32 && (filterMask & (1 << i)) != 0) {
        continue;
      }
      out.add(codec(filters.get(i), itemSize, file, path));
    }
    return Collections.unmodifiableList(out);
  }

  private static JsonNode codec(Hdf5Filter f, int itemSize, String file, String path) {
    int[] cd = f.clientData();
    ObjectNode c = JSON.objectNode();
    switch (f.id()) {
      case Hdf5Filter.DEFLATE:
        return c.put("id", "zlib").put("level", value(cd, 0, 6));
      case Hdf5Filter.SHUFFLE:
        return c.put("id", "shuffle").put("elementsize", value(cd, 0, itemSize));
      case Hdf5Filter.FLETCHER32:
        return c.put("id", "fletcher32");
      case Hdf5Filter.BLOSC: {
        int compressor = value(cd, 6, 0);
        String cname = compressor >= 0 && compressor < BLOSC_COMPRESSORS.length
            ? BLOSC_COMPRESSORS[compressor] : "blosclz";
        return c.put("id", "blosc").put("cname", cname).put("clevel", value(cd, 4, 5))
            .put("shuffle", value(cd, 5, 1)).put("blocksize", 0);
      }
      case Hdf5Filter.ZSTD:
        return c.put("id", "zstd").put("level", value(cd, 0, 0));
      case Hdf5Filter.LZ4:
        return c.put("id", Hdf5Lz4Codec.ID);
      case Hdf5Filter.BITSHUFFLE:
        return c.put("id", Hdf5BitshuffleCodec.ID).put("elementsize", value(cd, 2, itemSize))
            .put("blocksize", value(cd, 3, 0)).put("compression", value(cd, 4, 0));
      default:
        throw new UnsupportedFeatureException("HDF5 filter " + f.id()
            + (f.name().isEmpty() ? "" : " (" + f.name() + ")") + " of dataset " + path
            + " has no codec in this reader; supported filter ids: 1 deflate, 2 shuffle,"
            + " 3 fletcher32, 32001 blosc, 32004 lz4, 32008 bitshuffle, 32015 zstd",
            ErrorContext.ofFile(file).withArray(path));
    }
  }

  private static int value(int[] cd, int i, int fallback) {
    return cd.length > i ? cd[i] : fallback;
  }
}
