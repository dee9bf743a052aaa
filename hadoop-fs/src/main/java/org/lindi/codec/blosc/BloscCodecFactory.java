package org.lindi.codec.blosc;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.codec.Codec;
import org.lindi.codec.CodecFactory;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.DType;

/**
 * Makes {@link BloscCodec}s from numcodecs configurations such as
 * {@code {"id":"blosc","cname":"lz4","clevel":5,"shuffle":1,"blocksize":0}}; missing fields take
 * numcodecs' defaults (lz4, 5, byte shuffle, automatic block size).
 */
public final class BloscCodecFactory implements CodecFactory {
  @Override
  public String id() {
    return "blosc";
  }

  @Override
  public Codec create(JsonNode config, DType arrayDtype) {
    return new BloscCodec(text(config, "cname", "lz4"), integer(config, "clevel", 5),
        integer(config, "shuffle", BloscCodec.SHUFFLE), integer(config, "blocksize", 0));
  }

  private static String text(JsonNode config, String field, String fallback) {
    JsonNode n = config.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isTextual()) {
      throw new LindiFormatException("blosc '" + field + "' must be a string, got " + n);
    }
    return n.asText();
  }

  private static int integer(JsonNode config, String field, int fallback) {
    JsonNode n = config.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new LindiFormatException("blosc '" + field + "' must be an integer, got " + n);
    }
    return n.asInt();
  }
}
