package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.DType;

/** A codec's JSON configuration with checked, typed access to its fields; errors name the codec. */
final class CodecConfig {
  private final JsonNode node;
  private final String id;

  private CodecConfig(JsonNode node, String id) {
    this.node = node;
    this.id = id;
  }

  static CodecConfig of(JsonNode node, String expectedId) {
    if (node == null || !node.isObject()) {
      throw new LindiFormatException("codec '" + expectedId + "': configuration must be a JSON object, got " + node);
    }
    return new CodecConfig(node, expectedId);
  }

  /** The field, or null when absent or JSON null. */
  JsonNode get(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  int intValue(String field, int defaultValue) {
    JsonNode v = get(field);
    if (v == null) {
      return defaultValue;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw invalid(field, "an integer", v);
    }
    return v.intValue();
  }

  int requiredInt(String field) {
    if (get(field) == null) {
      throw missing(field);
    }
    return intValue(field, 0);
  }

  /** A required JSON number, kept as a node: numpy's casting depends on int versus float. */
  JsonNode requiredNumber(String field) {
    JsonNode v = get(field);
    if (v == null) {
      throw missing(field);
    }
    if (!v.isNumber()) {
      throw invalid(field, "a number", v);
    }
    return v;
  }

  String text(String field, String defaultValue) {
    JsonNode v = get(field);
    if (v == null) {
      return defaultValue;
    }
    if (!v.isTextual()) {
      throw invalid(field, "a string", v);
    }
    return v.textValue();
  }

  DType dtype(String field, DType defaultValue) {
    String s = text(field, null);
    if (s == null) {
      if (defaultValue == null) {
        throw missing(field);
      }
      return defaultValue;
    }
    try {
      return DType.parse(s);
    } catch (LindiFormatException e) {
      throw new LindiFormatException("codec '" + id + "': '" + field + "' is not a dtype: " + e.reason(), e);
    }
  }

  NumericType numeric(String field, DType defaultValue) {
    return NumericType.of(dtype(field, defaultValue), "codec '" + id + "' field '" + field + "'");
  }

  LindiFormatException invalid(String field, String expected, JsonNode got) {
    return new LindiFormatException("codec '" + id + "': '" + field + "' must be " + expected + ", got " + got);
  }

  LindiFormatException missing(String field) {
    return new LindiFormatException("codec '" + id + "': configuration " + node + " lacks '" + field + "'");
  }
}
