package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.zarr.DType;

/**
 * A custom codec as a user would write one ({@code test-xor}: every byte XOR {@code key}),
 * registered through the test classpath's {@code META-INF/services} file.
 */
final class XorTestCodec implements Codec {
  private final int key;

  XorTestCodec(int key) {
    this.key = key;
  }

  @Override
  public String id() {
    return "test-xor";
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    byte[] out = ctx.scratch(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      out[i] = (byte) (encoded.get(i) ^ key);
    }
    return new ByteSlice(out, 0, encoded.length());
  }

  /** {@code {"id": "test-xor", "key": 90}}; a key outside 0..255 is the factory's own error. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return "test-xor";
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      int key = config.path("key").asInt(0);
      if (key < 0 || key > 255) {
        throw new IllegalArgumentException("key must be a byte, got " + key);
      }
      return new XorTestCodec(key);
    }
  }

  /** A custom factory that claims a built-in id; the built-in must still win. */
  public static final class ShadowZlibFactory implements CodecFactory {
    @Override
    public String id() {
      return "zlib";
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      return new XorTestCodec(1);
    }
  }
}
