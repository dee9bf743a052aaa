package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.lindi.zarr.DType;
import org.lindi.zarr.Float16;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Compares what Spark returns with {@code manifest.json}: Spark values flattened in C order and
 * turned back into the little-endian bytes of the manifest dtype (SHORT of u1 back to one byte,
 * DECIMAL of u8 to eight, FLOAT of f2 to half-precision bits...) for its sha256, and element by
 * element against its {@code values}.
 */
final class ExpectedValues {
  private ExpectedValues() {}

  /** The leaves of a Spark value (arrays flattened in order); a non-array value is one leaf. */
  static void flatten(Object value, List<Object> out) {
    if (value instanceof scala.collection.Iterable) {
      for (Object x : CollectionConverters.asJava((scala.collection.Iterable<?>) value)) {
        flatten(x, out);
      }
    } else if (value instanceof List) {
      for (Object x : (List<?>) value) {
        flatten(x, out);
      }
    } else {
      out.add(value);
    }
  }

  /** The sha256 of {@code leaves} as little-endian elements of {@code dtype}. */
  static String sha256(List<Object> leaves, DType dtype) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(leaves.size() * Math.max(1, dtype.itemSize()));
    for (Object leaf : leaves) {
      encode(leaf, dtype, out);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void encode(Object leaf, DType dtype, ByteArrayOutputStream out) {
    int size = dtype.itemSize();
    switch (dtype.kind()) {
      case BOOL:
        out.write(((Boolean) leaf) ? 1 : 0);
        return;
      case INT:
      case UINT:
      case DATETIME:
      case TIMEDELTA:
        long bits = leaf instanceof BigDecimal ? ((BigDecimal) leaf).toBigIntegerExact().longValue()
            : ((Number) leaf).longValue();
        le(bits, size, out);
        return;
      case FLOAT:
        float f = ((Number) leaf).floatValue();
        if (size == 2) {
          le(Float16.fromFloat(f), 2, out);
        } else if (size == 4) {
          le(Float.floatToRawIntBits(f), 4, out);
        } else {
          le(Double.doubleToRawLongBits(((Number) leaf).doubleValue()), 8, out);
        }
        return;
      case COMPLEX:
        Row c = (Row) leaf;
        if (size == 8) {
          le(Float.floatToRawIntBits(c.getFloat(0)), 4, out);
          le(Float.floatToRawIntBits(c.getFloat(1)), 4, out);
        } else {
          le(Double.doubleToRawLongBits(c.getDouble(0)), 8, out);
          le(Double.doubleToRawLongBits(c.getDouble(1)), 8, out);
        }
        return;
      default:
        throw new IllegalArgumentException("no byte form for " + dtype);
    }
  }

  private static void le(long v, int size, ByteArrayOutputStream out) {
    for (int i = 0; i < size; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
  }

  /** The manifest's {@code values} flattened in C order ({@code rank} levels of lists). */
  static List<JsonNode> expectedLeaves(JsonNode entry) {
    List<JsonNode> out = new ArrayList<>();
    flattenJson(entry.get("values"), entry.get("shape").size(), out);
    return out;
  }

  private static void flattenJson(JsonNode v, int rank, List<JsonNode> out) {
    if (rank == 0) {
      out.add(v);
      return;
    }
    for (JsonNode x : v) {
      flattenJson(x, rank - 1, out);
    }
  }

  /** Asserts that the Spark leaves equal the manifest's values, element by element. */
  static void assertValues(JsonNode entry, List<Object> leaves, String where) {
    List<JsonNode> expected = expectedLeaves(entry);
    assertEquals(expected.size(), leaves.size(), where + ": element count");
    boolean compound = entry.has("fields");
    for (int i = 0; i < expected.size(); i++) {
      String at = where + "[" + i + "]";
      if (compound) {
        Row row = (Row) leaves.get(i);
        JsonNode e = expected.get(i);
        assertEquals(e.size(), row.length(), at);
        for (int k = 0; k < row.length(); k++) {
          assertScalar(e.get(k), row.get(k), at + "." + row.schema().fieldNames()[k]);
        }
      } else {
        assertScalar(expected.get(i), leaves.get(i), at);
      }
    }
  }

  static void assertScalar(JsonNode expected, Object actual, String where) {
    if (actual instanceof Row) {
      Row c = (Row) actual;
      assertEquals(number(expected.get(0)), ((Number) c.get(0)).doubleValue(), 0.0, where + ".re");
      assertEquals(number(expected.get(1)), ((Number) c.get(1)).doubleValue(), 0.0, where + ".im");
    } else if (actual instanceof byte[]) {
      assertEquals(expected.asText(), new String((byte[]) actual, StandardCharsets.UTF_8), where);
    } else if (expected.isTextual() && !(actual instanceof Number)) {
      assertEquals(expected.textValue(), actual, where);
    } else if (expected.isBoolean()) {
      assertEquals(expected.booleanValue(), actual, where);
    } else if (expected.isIntegralNumber() && (actual instanceof Long || actual instanceof Integer
        || actual instanceof Short || actual instanceof Byte || actual instanceof BigDecimal)) {
      assertEquals(expected.bigIntegerValue(), new BigDecimal(actual.toString()).toBigIntegerExact(), where);
    } else {
      assertTrue(actual instanceof Number, where + ": expected a number, got " + actual);
      double e = number(expected);
      double a = ((Number) actual).doubleValue();
      assertTrue(Double.compare(e, a) == 0 || e == a, where + ": expected " + e + " but was " + a);
    }
  }

  private static double number(JsonNode n) {
    return n.isTextual() ? Double.parseDouble(n.textValue()) : n.doubleValue();
  }
}
