package org.lindi.hdf5;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.codec.Codec;
import org.lindi.codec.CodecFactory;
import org.lindi.zarr.DType;

/** Makes {@link Hdf5Lz4Codec} available by id {@code "hdf5-lz4"} through the codec registry. */
public final class Hdf5Lz4CodecFactory implements CodecFactory {
  private static final Hdf5Lz4Codec CODEC = new Hdf5Lz4Codec();

  @Override
  public String id() {
    return Hdf5Lz4Codec.ID;
  }

  @Override
  public Codec create(JsonNode config, DType arrayDtype) {
    return CODEC;
  }
}
