package org.lindi.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Float16Test {
  @Test
  void everyHalfValueRoundTripsThroughFloat() {
    for (int h = 0; h < 0x10000; h++) {
      float f = Float16.toFloat((short) h);
      if (Float.isNaN(f)) {
        assertTrue(Float.isNaN(Float16.toFloat(Float16.fromFloat(f))));
        continue;
      }
      assertEquals((short) h, Float16.fromFloat(f), "half bits 0x" + Integer.toHexString(h));
    }
  }

  @Test
  void knownValues() {
    assertEquals(1.0f, Float16.toFloat((short) 0x3c00));
    assertEquals(-2.0f, Float16.toFloat((short) 0xc000));
    assertEquals(65504f, Float16.toFloat((short) 0x7bff));
    assertEquals(0x1p-24f, Float16.toFloat((short) 0x0001));
    assertEquals(Float.POSITIVE_INFINITY, Float16.toFloat((short) 0x7c00));
    assertEquals((short) 0x3c00, Float16.fromFloat(1.0f));
    assertEquals((short) 0x7c00, Float16.fromFloat(70000f));
    // ties go to even: 1 + 2^-11 lies halfway between 1 and 1 + 2^-10
    assertEquals((short) 0x3c00, Float16.fromFloat(1f + 0x1p-11f));
  }
}
