package org.lindi.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.lindi.error.LindiFormatException;

/**
 * Turns the elements an object codec decoded into what users see (SPEC section 5): references
 * become {@link Reference}s, compound rows {@code Object[]} of field values, JSON scalars Java values.
 */
public final class ObjectElements {
  private ObjectElements() {}

  /** Interprets every element of {@code elements} in place; {@code compound} may be null. */
  public static void interpret(Object[] elements, CompoundType compound) {
    for (int i = 0; i < elements.length; i++) {
      elements[i] = interpret(elements[i], compound);
    }
  }

  static Object interpret(Object element, CompoundType compound) {
    if (!(element instanceof JsonNode)) {
      return element;
    }
    JsonNode json = (JsonNode) element;
    if (compound != null && json.isArray()) {
      List<CompoundType.Field> fields = compound.fields();
      if (json.size() != fields.size()) {
        throw new LindiFormatException("compound element has " + json.size() + " values for "
            + fields.size() + " fields: " + json);
      }
      Object[] row = new Object[fields.size()];
      for (int f = 0; f < row.length; f++) {
        row[f] = scalar(json.get(f));
      }
      return row;
    }
    return scalar(json);
  }

  private static Object scalar(JsonNode v) {
    Reference ref = Reference.fromJson(v);
    if (ref != null) {
      return ref;
    }
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    return v;
  }
}
