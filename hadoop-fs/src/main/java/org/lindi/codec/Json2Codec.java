package org.lindi.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lindi.error.CodecException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code json2}: the chunk is the JSON array {@code [...items, dtype, shape]} with the
 * items of a C-order {@code tolist()} (nested one list per row for 2-D and more), as LINDI stores
 * {@code |O} datasets (strings, {@code _REFERENCE} objects, compound rows as lists). Items become
 * String, Long (BigInteger beyond 64 bits), Double ({@code NaN}/{@code Infinity} tokens included),
 * Boolean, null, or a Jackson {@link JsonNode} for objects and lists.
 */
public final class Json2Codec implements ObjectCodec {
  public static final String ID = "json2";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Object[] decodeObjects(ByteSlice encoded, DecodeContext ctx) {
    List<Object> items = new ArrayList<>(Math.max(ctx.elementCount(), 0) + 2);
    try (JsonParser p = MAPPER.createParser(encoded.array(), encoded.offset(), encoded.length())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new CodecException("json2: chunk is not a JSON array");
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new CodecException("json2: truncated JSON array");
        }
        items.add(value(p, t));
      }
      if (p.nextToken() != null) {
        throw new CodecException("json2: extra data after the JSON array");
      }
    } catch (JsonProcessingException e) {
      throw new CodecException("json2: invalid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new CodecException("json2: unreadable chunk (" + e.getMessage() + ")", e);
    }
    if (items.size() < 2 || !(items.get(items.size() - 2) instanceof String)
        || !(items.get(items.size() - 1) instanceof JsonNode) || !((JsonNode) items.get(items.size() - 1)).isArray()) {
      throw new CodecException("json2: chunk does not end with a dtype string and a shape list");
    }
    JsonNode shapeNode = (JsonNode) items.get(items.size() - 1);
    int[] shape = new int[shapeNode.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = shapeNode.get(i);
      if (!d.canConvertToInt() || !d.isIntegralNumber() || d.intValue() < 0) {
        throw new CodecException("json2: invalid shape " + shapeNode);
      }
      shape[i] = d.intValue();
      count *= shape[i];
      if (count > items.size() + (long) encoded.length()) {
        throw new CodecException("json2: shape " + shapeNode + " has more elements than the chunk holds");
      }
    }
    List<Object> top = items.subList(0, items.size() - 2);
    Object[] out = new Object[(int) count];
    int filled;
    if (shape.length <= 1) {
      if (top.size() != count) {
        throw countMismatch(top.size(), shapeNode);
      }
      filled = 0;
      for (Object o : top) {
        out[filled++] = o;
      }
    } else {
      if (top.size() != shape[0]) {
        throw countMismatch(top.size(), shapeNode);
      }
      filled = 0;
      for (Object row : top) {
        filled = flatten(row, shape, 1, out, filled, shapeNode);
      }
    }
    if (ctx.elementCount() >= 0 && count != ctx.elementCount()) {
      throw new CodecException("json2: chunk holds " + count + " items, the array's chunk shape has "
          + ctx.elementCount());
    }
    return out;
  }

  private static CodecException countMismatch(int got, JsonNode shape) {
    return new CodecException("json2: " + got + " items do not match shape " + shape);
  }

  /** Copies the leaves of a nested row (depth {@code axis} of {@code shape}) in C order. */
  private static int flatten(Object row, int[] shape, int axis, Object[] out, int pos, JsonNode shapeNode) {
    if (!(row instanceof JsonNode) || !((JsonNode) row).isArray() || ((JsonNode) row).size() != shape[axis]) {
      throw new CodecException("json2: nested rows do not match shape " + shapeNode);
    }
    int p = pos;
    for (JsonNode item : (JsonNode) row) {
      if (axis == shape.length - 1) {
        out[p++] = fromNode(item);
      } else {
        p = flatten(item, shape, axis + 1, out, p, shapeNode);
      }
    }
    return p;
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case START_OBJECT:
      case START_ARRAY:
        return MAPPER.readTree(p);
      default:
        throw new CodecException("json2: unexpected JSON token " + t);
    }
  }

  /** A leaf of a nested row in the same form as a top-level item. */
  private static Object fromNode(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNull()) {
      return null;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Json2Codec;
  }

  @Override
  public int hashCode() {
    return ID.hashCode();
  }

  @Override
  public String toString() {
    return "json2()";
  }

  /** Creates {@link Json2Codec} from numcodecs' configuration; only UTF-8 (or ASCII) text is read. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      String encoding = c.text("encoding", "utf-8").toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      if (!encoding.equals("utf-8") && !encoding.equals("utf8") && !encoding.equals("ascii")) {
        throw new UnsupportedFeatureException("json2: text encoding '" + encoding + "' is not supported (only utf-8)");
      }
      return new Json2Codec();
    }
  }
}
