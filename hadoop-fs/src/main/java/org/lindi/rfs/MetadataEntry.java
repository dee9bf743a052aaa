package org.lindi.rfs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The value of a metadata key ({@code .zarray}, {@code .zattrs}, {@code .zgroup}, ...): its parsed
 * JSON, or, when it is not JSON (a byte range, or bytes that do not parse), the raw ref.
 */
record MetadataEntry(JsonNode json, ChunkRef raw) {

  static MetadataEntry ofJson(JsonNode json) {
    return new MetadataEntry(json, null);
  }

  /** An entry for a ref: parsed when it is inline JSON (kerchunk writes .zarray as a string). */
  static MetadataEntry ofRef(ChunkRef ref) {
    if (ref.isInline()) {
      try {
        return ofJson(parse(ref.inlineBytes()));
      } catch (IOException e) {
        // Kept raw; json() reports why it does not parse when someone asks for it.
      }
    }
    return new MetadataEntry(null, ref);
  }

  /** The bytes as one JSON value; an exception when they are empty, invalid or followed by more. */
  static JsonNode parse(byte[] bytes) throws IOException {
    return RfsJson.parseValue(bytes, 0, bytes.length);
  }

  /** The bytes a reader gets for this key: the JSON serialised, or the raw ref. */
  ChunkRef asRef() {
    return json != null ? ChunkRef.inline(RfsJson.toBytes(json)) : raw;
  }
}
