package org.lindi.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FillValueTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] fill(String json, String dtype) throws Exception {
    return FillValue.parse(JSON.readTree(json), DType.parse(dtype)).elementBytes();
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(delimiter = ';', value = {"'\"NaN\"'; <f4", "'\"Infinity\"'; <f8", "'\"-Infinity\"'; <f8", "-1.5; >f8", "7; <i2"})
  void numbersAndNonFiniteTokens(String json, String dtype) throws Exception {
    byte[] b = fill(json, dtype);
    double expected = json.contains("NaN") ? Double.NaN : json.contains("-Infinity")
        ? Double.NEGATIVE_INFINITY : json.contains("Infinity") ? Double.POSITIVE_INFINITY : Double.parseDouble(json);
    double actual = dtype.endsWith("f4") ? le(b).getFloat() : dtype.endsWith("f8") ? le(b).getDouble() : le(b).getShort();
    assertEquals(expected, actual, 0.0);
  }

  @Test
  void nullIsZero() throws Exception {
    FillValue f = FillValue.parse(JSON.readTree("null"), DType.parse("<f8"));
    assertTrue(f.isNull());
    assertTrue(f.isZero());
  }

  @Test
  void otherForms() throws Exception {
    assertEquals(-1L, le(fill("18446744073709551615", "<u8")).getLong());
    assertEquals(1, fill("true", "|b1")[0]);
    ByteBuffer c = le(fill("[1.5, -2.0]", "<c8"));
    assertEquals(1.5f, c.getFloat(0));
    assertEquals(-2.0f, c.getFloat(4));
    assertArrayEquals(new byte[] {'a', 'b', 0}, fill("\"YWI=\"", "|S3"));
    assertArrayEquals(new byte[] {'h', 0, 0, 0, 0, 0, 0, 0}, fill("\"h\"", "<U2"));
    assertEquals((short) 0x3c00, le(fill("1.0", "<f2")).getShort());
  }

  @Test
  void fillsRepeatedly() throws Exception {
    FillValue f = FillValue.parse(JSON.readTree("258"), DType.parse("<i2"));
    byte[] dest = new byte[2 * 7 + 2];
    f.fill(dest, 2, 7);
    for (int i = 0; i < 7; i++) {
      assertEquals(258, le(dest).getShort(2 + 2 * i));
    }
    assertEquals(0, le(dest).getShort(0));
  }
}
