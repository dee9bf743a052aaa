package org.lindi.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The attributes LINDI reserves (SPEC section 5): hidden from users and interpreted by the reader.
 * {@link #visible} gives what users see: reserved keys removed, references replaced by their path.
 */
public final class ReservedAttributes {
  public static final String SCALAR = "_SCALAR";
  public static final String SOFT_LINK = "_SOFT_LINK";
  public static final String REFERENCE = "_REFERENCE";
  public static final String COMPOUND_DTYPE = "_COMPOUND_DTYPE";
  public static final String EXTERNAL_ARRAY_LINK = "_EXTERNAL_ARRAY_LINK";

  private static final Set<String> RESERVED =
      Set.of(SCALAR, SOFT_LINK, REFERENCE, COMPOUND_DTYPE, EXTERNAL_ARRAY_LINK);

  private ReservedAttributes() {}

  public static boolean isReserved(String name) {
    return RESERVED.contains(name);
  }

  /** The user-visible attributes of a {@code .zattrs} object (a new object; null gives empty). */
  public static ObjectNode visible(JsonNode zattrs) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (zattrs == null || !zattrs.isObject()) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = zattrs.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!isReserved(e.getKey())) {
        out.set(e.getKey(), resolveReferences(e.getValue()));
      }
    }
    return out;
  }

  /** {@code value} with every {@code {"_REFERENCE": ...}} replaced by its target path. */
  public static JsonNode resolveReferences(JsonNode value) {
    Reference ref = Reference.fromJson(value);
    if (ref != null) {
      return JsonNodeFactory.instance.textNode(ref.path());
    }
    if (value.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode(value.size());
      for (JsonNode x : value) {
        a.add(resolveReferences(x));
      }
      return a;
    }
    return value;
  }
}
