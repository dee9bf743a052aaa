package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.zarr.DType;

/**
 * Service interface that makes a codec available by its numcodecs id. Register an implementation
 * in {@code META-INF/services/org.lindi.codec.CodecFactory} on the classpath (of the driver and of
 * the executors); the first factory found for an id wins, so a custom factory may not replace a
 * built-in one.
 */
public interface CodecFactory {
  /** The numcodecs id this factory handles, e.g. {@code "qfc"}. */
  String id();

  /**
   * Creates a codec from its JSON configuration (the object found in {@code compressor} or
   * {@code filters} of a {@code .zarray}, including {@code "id"}).
   *
   * @param config the codec configuration
   * @param arrayDtype the dtype of the array being decoded (some codecs need the item size)
   */
  Codec create(JsonNode config, DType arrayDtype);
}
