package org.lindi.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes numcodecs' {@code json2} codec makes of a 1-D object chunk: the items, then the dtype
 * {@code "|O"} and the chunk shape, as one JSON list. The writer's encoder handles numbers only, so
 * string and reference columns are encoded here and stored as they are.
 */
final class Json2Chunk {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Json2Chunk() {}

  /** The json2 filter entry of a {@code .zarray} (numcodecs' defaults). */
  static JsonNode filter() {
    return JSON.createObjectNode().put("id", "json2").put("encoding", "utf-8").put("allow_nan", true)
        .put("check_circular", true).put("ensure_ascii", true).putNull("indent")
        .put("skipkeys", false).put("sort_keys", true).put("strict", true)
        .set("separators", JSON.createArrayNode().add(",").add(":"));
  }

  /** Encodes {@code items} (strings or JSON nodes) as one chunk of {@code items.size()} objects. */
  static byte[] encode(List<?> items) {
    ArrayNode list = JSON.createArrayNode();
    for (Object o : items) {
      if (o instanceof JsonNode) {
        list.add((JsonNode) o);
      } else {
        list.add(String.valueOf(o));
      }
    }
    list.add("|O");
    list.addArray().add(items.size());
    return list.toString().getBytes(StandardCharsets.UTF_8);
  }
}
