package org.lindi.hdf5;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.Codec;
import org.lindi.codec.CodecFactory;
import org.lindi.codec.CodecRegistry;
import org.lindi.codec.DecodeContext;
import org.lindi.zarr.DType;

/**
 * Test-side decoding of chunk bytes through the codec configurations {@link Hdf5Dataset} maps its
 * filters to, run in reverse like Zarr filters: the project's codecs from the registry (zlib,
 * shuffle, fletcher32, zstd, blosc), and this package's codecs for the HDF5-only framings until
 * they are registered.
 */
final class ChunkDecoder {
  private static final Map<String, CodecFactory> HDF5_CODECS = Map.of(
      Hdf5Lz4Codec.ID, new Hdf5Lz4CodecFactory(),
      Hdf5BitshuffleCodec.ID, new Hdf5BitshuffleCodecFactory());

  private ChunkDecoder() {}

  static byte[] decode(byte[] stored, List<JsonNode> codecs, Hdf5Datatype type, int expectedSize) {
    DType dtype = DType.parse(type.isSupported() ? type.dtype() : "|V" + type.size());
    DecodeContext ctx = new DecodeContext().prepare(expectedSize, expectedSize / type.size());
    ByteSlice data = ByteSlice.of(stored);
    for (int i = codecs.size() - 1; i >= 0; i--) {
      JsonNode config = codecs.get(i);
      String id = config.get("id").asText();
      Codec codec = HDF5_CODECS.containsKey(id) ? HDF5_CODECS.get(id).create(config, dtype)
          : CodecRegistry.defaultRegistry().create(config, dtype);
      ctx.markInput(data.array());
      data = codec.decode(data, ctx);
    }
    if (data.length() != expectedSize) {
      throw new AssertionError("chunk decodes to " + data.length() + " bytes, expected " + expectedSize);
    }
    return data.toArray();
  }
}
