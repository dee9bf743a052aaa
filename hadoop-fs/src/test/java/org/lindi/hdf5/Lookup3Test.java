package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Jenkins' lookup3 {@code hashlittle} gives the values its reference implementation documents. */
class Lookup3Test {
  private static int hash(String s, int initval) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return Lookup3.hash(b, 0, b.length, initval);
  }

  @Test
  void referenceValues() {
    assertEquals(0xdeadbeef, hash("", 0));
    assertEquals(0xbd5b7dde, hash("", 0xdeadbeef));
    assertEquals(0x17770551, hash("Four score and seven years ago", 0));
    assertEquals(0xcd628161, hash("Four score and seven years ago", 1));
  }

  @Test
  void hashesAWindowOfTheArray() {
    byte[] padded = "xxFour score and seven years agoyy".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x17770551, Lookup3.hash(padded, 2, 30, 0));
  }
}
