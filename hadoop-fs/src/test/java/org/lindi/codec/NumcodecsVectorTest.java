package org.lindi.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.codec.CodecVectors.Vector;

/**
 * Every codec decodes what numcodecs 0.11 (and HDF5, for fletcher32) wrote to the bytes numcodecs
 * decodes it to: one case per codec configuration x dtype x length in {@code vectors.json}.
 */
@Timeout(60)
class NumcodecsVectorTest {
  static Stream<Vector> bytesVectors() {
    return CodecVectors.bytesVectors();
  }

  static Stream<Vector> objectVectors() {
    return CodecVectors.objectVectors();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bytesVectors")
  void decodesToNumcodecsBytesWithinAnExactLimit(Vector v) {
    Codec codec = CodecRegistry.defaultRegistry().create(v.codec(), v.dtype());
    DecodeContext ctx = new DecodeContext().prepare(v.expectedLength(), -1);
    v.assertDecoded(codec.decode(ByteSlice.of(v.encoded()), ctx));
    // a second chunk through the same context reuses its buffers and decodes the same
    ctx.prepare(v.expectedLength(), -1);
    v.assertDecoded(codec.decode(ByteSlice.of(v.encoded()), ctx));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bytesVectors")
  void decodesASliceInsideALargerArray(Vector v) {
    Codec codec = CodecRegistry.defaultRegistry().create(v.codec(), v.dtype());
    byte[] padded = new byte[v.encoded().length + 13];
    java.util.Arrays.fill(padded, (byte) 0x5a);
    System.arraycopy(v.encoded(), 0, padded, 7, v.encoded().length);
    v.assertDecoded(codec.decode(new ByteSlice(padded, 7, v.encoded().length), new DecodeContext()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objectVectors")
  void decodesToNumcodecsObjects(Vector v) {
    Codec codec = CodecRegistry.defaultRegistry().create(v.codec(), v.dtype());
    ObjectCodec oc = assertInstanceOf(ObjectCodec.class, codec, v.name());
    JsonNode expected = v.objects();
    Object[] got = oc.decodeObjects(ByteSlice.of(v.encoded()), new DecodeContext().prepare(Long.MAX_VALUE, expected.size()));
    assertEquals(expected.size(), got.length, v.name() + ": item count");
    for (int i = 0; i < got.length; i++) {
      Object want = CodecVectors.untag(expected.get(i));
      String where = v.name() + " item " + i;
      if (want instanceof byte[]) {
        assertArrayEquals((byte[]) want, (byte[]) got[i], where);
      } else if (want instanceof Double) {
        assertInstanceOf(Double.class, got[i], where);
        assertEquals(Double.doubleToLongBits((Double) want), Double.doubleToLongBits((Double) got[i]), where);
      } else if (want instanceof JsonNode) {
        assertInstanceOf(JsonNode.class, got[i], where);
        assertEquals(want, got[i], where); // JSON equality: key order aside, NaN equals NaN
      } else {
        assertTrue(Objects.equals(want, got[i]), where + ": expected " + want + ", got " + got[i]);
      }
    }
  }

  @Test
  void everyBuiltInCodecHasVectors() {
    java.util.Set<String> covered = new java.util.TreeSet<>();
    CodecVectors.all().forEach(v -> covered.add(v.id()));
    for (String id : CodecRegistry.defaultRegistry().ids()) {
      // blosc has its C-Blosc oracle tests; hdf5-* are HDF5 filters, tested against h5py in org.lindi.hdf5
      if (!id.equals("blosc") && !id.startsWith("test-") && !id.startsWith("hdf5-")) {
        assertTrue(covered.contains(id), "no numcodecs vector for codec '" + id + "'");
      }
    }
  }
}
