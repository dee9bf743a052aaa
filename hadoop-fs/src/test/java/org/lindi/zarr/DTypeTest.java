package org.lindi.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.error.LindiFormatException;

class DTypeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "<i2, <i2, INT, 2, '<'", ">f8, >f8, FLOAT, 8, '>'", "|b1, |b1, BOOL, 1, '|'",
      "|u1, |u1, UINT, 1, '|'", "<u1, |u1, UINT, 1, '|'", "|S3, |S3, BYTES, 3, '|'",
      "<U6, <U6, UNICODE, 24, '<'", "<M8[ns], <M8[ns], DATETIME, 8, '<'", "|O, |O, OBJECT, 8, '|'",
      "|V20, |V20, VOID, 20, '|'", "<c8, <c8, COMPLEX, 8, '<'", ">c16, >c16, COMPLEX, 16, '>'",
      "int32, <i4, INT, 4, '<'", "float64, <f8, FLOAT, 8, '<'", "uint8, |u1, UINT, 1, '|'",
      "bool, |b1, BOOL, 1, '|'", "<f2, <f2, FLOAT, 2, '<'", "|i1, |i1, INT, 1, '|'"})
  void parsesNumpyDtypes(String s, String canonical, DType.Kind kind, int size, char order) {
    DType d = DType.parse(s);
    assertEquals(canonical, d.str());
    assertEquals(kind, d.kind());
    assertEquals(size, d.itemSize());
    assertEquals(order, d.byteOrder());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<x4", "<i3", "<f1", "<c4", "<", "i", "<M8[ns"})
  void rejectsInvalidDtypes(String s) {
    assertThrows(LindiFormatException.class, () -> DType.parse(s));
  }

  @ParameterizedTest
  @CsvSource({">i4, <i4", "<f8, <f8", "|u1, |u1", ">c8, <c8"})
  void littleEndianCounterpart(String s, String le) {
    assertEquals(le, DType.parse(s).littleEndian().str());
  }
}
