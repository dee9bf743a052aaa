package org.lindi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.error.RefOutOfBoundsException;
import org.lindi.tree.CompoundType;
import org.lindi.tree.Reference;
import org.lindi.zarr.DType;

/** Every array of {@code manifest.json} decodes to its sha256 / values, or fails as expected. */
class ManifestArraysTest {
  static Stream<Arguments> arrays() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode f : Fixtures.files()) {
      if (f.has("expect_error") && f.get("arrays").size() == 0) {
        continue;
      }
      for (JsonNode a : f.get("arrays")) {
        out.add(Arguments.of(f.get("file").asText() + " " + a.get("path").asText(), f, a));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arrays")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void arrayMatchesManifest(String name, JsonNode file, JsonNode entry) throws Exception {
    String path = entry.get("path").asText();
    try (LindiFile f = LindiFile.open(Fixtures.hadoopPath(file.get("file").asText()), new Configuration())) {
      if (entry.has("expect_error")) {
        String expected = entry.get("expect_error").asText();
        LindiException e = assertThrows(LindiException.class, () -> f.array(path).read());
        assertInstanceOf(errorType(expected), e, e.toString());
        assertTrue(e.getMessage().contains(f.location()) || e.getMessage().contains(file.get("file").asText()),
            "message names the file: " + e.getMessage());
        return;
      }
      LindiArray array = f.array(path);
      assertEquals(entry.path("external").asBoolean(false), array.isExternal(), "external");
      assertArrayEquals(longs(entry.get("shape")), array.shape(), "shape");
      ArrayData data = array.read();
      assertArrayEquals(longs(entry.get("shape")), data.shape(), "shape of the data");
      if (entry.has("sha256")) {
        DType dtype = DType.parse(entry.get("dtype").asText());
        assertEquals(dtype.littleEndian(), data.dtype(), "dtype");
        assertEquals(entry.get("sha256").asText(), sha256(data.bytes()), "sha256");
      }
      if (entry.has("values")) {
        assertValues(entry, array, data);
      }
    }
  }

  private static Class<? extends LindiException> errorType(String expected) {
    switch (expected) {
      case "ref out of bounds":
        return RefOutOfBoundsException.class;
      case "codec error":
        return CodecException.class;
      case "decompression size limit exceeded":
        return DecompressionLimitException.class;
      case "invalid array metadata":
        return LindiFormatException.class;
      default:
        throw new IllegalArgumentException("unknown expect_error " + expected);
    }
  }

  private static void assertValues(JsonNode entry, LindiArray array, ArrayData data) {
    JsonNode values = entry.get("values");
    List<JsonNode> flat = new ArrayList<>();
    flatten(values, flat, entry.get("shape").size(), entry.has("fields"));
    assertEquals(flat.size(), data.size(), "element count");
    CompoundType compound = array.compoundType();
    for (int i = 0; i < flat.size(); i++) {
      assertElement(flat.get(i), data, i, compound, entry.get("path").asText() + "[" + i + "]");
    }
  }

  private static void flatten(JsonNode v, List<JsonNode> out, int rank, boolean compound) {
    if (rank == 0) {
      out.add(v);
      return;
    }
    for (JsonNode x : v) {
      flatten(x, out, rank - 1, compound);
    }
  }

  private static void assertElement(JsonNode expected, ArrayData data, int i, CompoundType compound, String where) {
    Object actual = data.get(i);
    if (compound != null) {
      Object[] row = (Object[]) actual;
      assertEquals(expected.size(), row.length, where);
      for (int k = 0; k < row.length; k++) {
        assertScalar(expected.get(k), row[k], where + "." + compound.fields().get(k).name());
      }
      return;
    }
    assertScalar(expected, actual, where);
  }

  private static void assertScalar(JsonNode expected, Object actual, String where) {
    if (actual instanceof Reference) {
      assertEquals(expected.asText(), ((Reference) actual).path(), where);
    } else if (actual instanceof double[]) {
      double[] c = (double[]) actual;
      assertEquals(number(expected.get(0)), c[0], 0.0, where);
      assertEquals(number(expected.get(1)), c[1], 0.0, where);
    } else if (expected.isTextual() && !(actual instanceof Number)) {
      assertEquals(expected.textValue(), actual instanceof byte[] ? new String((byte[]) actual,
          java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(actual), where);
    } else if (expected.isBoolean()) {
      assertEquals(expected.booleanValue(), actual, where);
    } else if (expected.isIntegralNumber() && !(actual instanceof Double)) {
      assertNotNull(actual, where);
      assertEquals(expected.bigIntegerValue().toString(), actual.toString(), where);
    } else {
      assertEquals(number(expected), ((Number) actual).doubleValue(), 0.0, where);
    }
  }

  private static double number(JsonNode n) {
    if (n.isTextual()) {
      return Double.parseDouble(n.textValue().replace("Infinity", "Infinity"));
    }
    return n.doubleValue();
  }

  static long[] longs(JsonNode a) {
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asLong();
    }
    return out;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
