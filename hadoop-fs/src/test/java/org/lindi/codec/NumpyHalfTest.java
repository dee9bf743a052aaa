package org.lindi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Half-precision conversions: exact widening, correct rounding (the vectors check numpy's results). */
@Timeout(10)
class NumpyHalfTest {
  @Test
  void everyHalfSurvivesARoundTripThroughDouble() {
    for (int h = 0; h < 0x10000; h++) {
      assertEquals((short) h, NumpyHalf.fromDouble(NumpyHalf.toDouble((short) h)), Integer.toHexString(h));
    }
  }

  @Test
  void landmarks() {
    assertEquals(65504.0, NumpyHalf.toDouble((short) 0x7bff));
    assertEquals(0x1p-24, NumpyHalf.toDouble((short) 0x0001));
    assertEquals(0x1p-14, NumpyHalf.toDouble((short) 0x0400));
    assertEquals(Double.NEGATIVE_INFINITY, NumpyHalf.toDouble((short) 0xfc00));
    assertEquals((short) 0x7c00, NumpyHalf.fromDouble(65520.0)); // halfway to the next binade rounds up: inf
    assertEquals((short) 0x7bff, NumpyHalf.fromDouble(65519.99));
    assertEquals((short) 0x0000, NumpyHalf.fromDouble(0x1p-25)); // a tie rounds to even: zero
    assertEquals((short) 0x0001, NumpyHalf.fromDouble(0x1.000002p-25));
    assertEquals((short) 0x8000, NumpyHalf.fromDouble(-0.0));
    assertEquals((short) 0x7e00, NumpyHalf.fromDouble(Double.NaN));
  }
}
