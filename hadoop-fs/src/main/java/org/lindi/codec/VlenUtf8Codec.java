package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code vlen-utf8}: a 4-byte little-endian item count, then per item a 4-byte
 * little-endian length and that many bytes of UTF-8 (invalid UTF-8 is an error, as in Python).
 */
public final class VlenUtf8Codec implements ObjectCodec {
  public static final String ID = "vlen-utf8";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Object[] decodeObjects(ByteSlice encoded, DecodeContext ctx) {
    VlenItems items = VlenItems.read(ID, encoded, ctx);
    byte[] b = encoded.array();
    String[] out = new String[items.count()];
    for (int i = 0; i < out.length; i++) {
      int off = items.offset(i);
      int len = items.length(i);
      String s = new String(b, off, len, StandardCharsets.UTF_8);
      if (s.indexOf('\uFFFD') >= 0) {
        validate(b, off, len, i);
      }
      out[i] = s;
    }
    return out;
  }

  /** The replacement character may be real text; decode strictly to tell it from invalid bytes. */
  private static void validate(byte[] b, int off, int len, int item) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, off, len));
    } catch (CharacterCodingException e) {
      throw new CodecException("vlen-utf8: item " + item + " is not valid UTF-8", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VlenUtf8Codec;
  }

  @Override
  public int hashCode() {
    return ID.hashCode();
  }

  @Override
  public String toString() {
    return "vlen-utf8()";
  }

  /** Creates {@link VlenUtf8Codec} from {@code {"id": "vlen-utf8"}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig.of(config, ID);
      return new VlenUtf8Codec();
    }
  }
}
