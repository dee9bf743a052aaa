package org.lindi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.lindi.zarr.DType;

/**
 * The numcodecs 0.11 test vectors in {@code src/test/resources/codecs/vectors.json}, written by
 * {@code src/test/python/make_codec_vectors.py}.
 */
final class CodecVectors {
  static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private static List<Vector> all;

  private CodecVectors() {}

  /** One encoded chunk with its numcodecs configuration and what numcodecs decodes it to. */
  record Vector(String name, JsonNode codec, DType dtype, byte[] encoded, byte[] decoded, String decodedSha256,
      int decodedLength, JsonNode objects, boolean numcodecsDecodes) {
    String id() {
      return codec.get("id").asText();
    }

    boolean isObjects() {
      return objects != null;
    }

    int expectedLength() {
      return decoded != null ? decoded.length : decodedLength;
    }

    void assertDecoded(ByteSlice got) {
      if (decoded != null) {
        assertEquals(decoded.length, got.length(), name + ": decoded length");
        byte[] bytes = got.toArray();
        if (!Arrays.equals(decoded, bytes)) {
          int i = Arrays.mismatch(decoded, bytes);
          throw new AssertionError(name + ": first difference at byte " + i + " (element " + i / Math.max(1, dtype.itemSize())
              + "): expected " + hex(decoded, i, dtype.itemSize()) + ", got " + hex(bytes, i, dtype.itemSize()));
        }
      } else {
        assertEquals(decodedLength, got.length(), name + ": decoded length");
        assertEquals(decodedSha256, sha256(got), name + ": sha256 of decoded bytes");
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static synchronized List<Vector> all() {
    if (all == null) {
      try (InputStream in = CodecVectors.class.getResourceAsStream("/codecs/vectors.json")) {
        JsonNode doc = JSON.readTree(in);
        List<Vector> list = new ArrayList<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (JsonNode v : doc.get("vectors")) {
          list.add(new Vector(v.get("name").asText(), v.get("codec"), DType.parse(v.get("dtype").asText()),
              b64.decode(v.get("encoded").asText()),
              v.hasNonNull("decoded") ? b64.decode(v.get("decoded").asText()) : null,
              v.path("decoded_sha256").asText(null), v.path("decoded_length").asInt(-1),
              v.get("objects"), v.path("numcodecs_decodes").asBoolean(true)));
        }
        assertTrue(list.size() > 100, "vectors.json holds the vectors");
        all = Collections.unmodifiableList(list);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  static Stream<Vector> bytesVectors() {
    return all().stream().filter(v -> !v.isObjects());
  }

  static Stream<Vector> objectVectors() {
    return all().stream().filter(Vector::isObjects);
  }

  /** A tagged item of the vectors ({"str": s}, {"int": "1"}, ...) as the object codecs return it. */
  static Object untag(JsonNode t) {
    if (t.has("null")) {
      return null;
    }
    if (t.has("str")) {
      return t.get("str").asText();
    }
    if (t.has("int")) {
      BigInteger b = new BigInteger(t.get("int").asText());
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    if (t.has("float")) {
      return Double.parseDouble(t.get("float").asText());
    }
    if (t.has("bool")) {
      return t.get("bool").asBoolean();
    }
    if (t.has("bytes")) {
      return Base64.getDecoder().decode(t.get("bytes").asText());
    }
    return t.get("json");
  }

  static String sha256(ByteSlice s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(s.array(), s.offset(), s.length());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b, int at, int itemSize) {
    int start = at - at % Math.max(1, itemSize);
    int end = Math.min(b.length, start + Math.max(1, itemSize));
    return start >= b.length ? "<end>" : HexFormat.of().formatHex(b, start, end);
  }
}
