package org.lindi.hdf5;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.codec.Codec;
import org.lindi.codec.CodecFactory;
import org.lindi.zarr.DType;

/**
 * Makes {@link Hdf5BitshuffleCodec} available by id {@code "hdf5-bitshuffle"}; configuration
 * {@code {"id": "hdf5-bitshuffle", "elementsize": S, "blocksize": B, "compression": C}}, the
 * element size defaulting to the array's item size.
 */
public final class Hdf5BitshuffleCodecFactory implements CodecFactory {
  @Override
  public String id() {
    return Hdf5BitshuffleCodec.ID;
  }

  @Override
  public Codec create(JsonNode config, DType arrayDtype) {
    int fallback = arrayDtype == null ? 1 : arrayDtype.itemSize();
    return new Hdf5BitshuffleCodec(config.path("elementsize").asInt(fallback),
        config.path("blocksize").asInt(0), config.path("compression").asInt(0));
  }
}
