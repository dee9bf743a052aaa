package org.lindi.rfs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON dialect of LINDI files: {@code NaN}/{@code Infinity} tokens read and written as in
 * Python's {@code json} module, bounded nesting, and no {@code String.intern()} of field names (an
 * RFS has millions of distinct keys).
 */
public final class RfsJson {
  /** Deepest nesting accepted; real documents stay under ten levels. */
  public static final int MAX_NESTING_DEPTH = 100;

  private static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      // Jackson's field-name symbol table degrades to linear scans past ~100k distinct names
      // (a million chunk keys took seconds); without it, names are plain Strings.
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      // Containers read past the root object themselves (NUL and space padding).
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          // Inline chunks are strings; the document size already bounds them.
          .maxStringLength(Integer.MAX_VALUE)
          .build())
      .build();

  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private RfsJson() {}

  /** The shared factory of this dialect, for streaming parsers and generators. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** The shared, thread-safe mapper of this dialect; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses {@code bytes[offset, offset + length)} as exactly one JSON value.
   *
   * @throws IOException when the bytes are empty, not JSON, or followed by more than whitespace
   */
  public static JsonNode parseValue(byte[] bytes, int offset, int length) throws IOException {
    try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
      if (p.nextToken() == null) {
        throw new IOException("empty value");
      }
      JsonNode node = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new IOException("more data after the JSON value" + at(p.currentTokenLocation()));
      }
      return node;
    } catch (JsonProcessingException e) {
      // Jackson's own message carries a "[Source: REDACTED ...]" suffix; keep the reason.
      throw new IOException(e.getOriginalMessage() + at(e.getLocation()), e);
    }
  }

  private static String at(JsonLocation where) {
    return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  /** Compact JSON bytes of a value, non-finite numbers as bare tokens. */
  public static byte[] toBytes(JsonNode value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("serialising an in-memory JSON value", e);
    }
  }
}
