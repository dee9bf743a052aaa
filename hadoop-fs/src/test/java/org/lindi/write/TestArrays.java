package org.lindi.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Float16;
import org.lindi.zarr.Order;

/** Test data: C-order little-endian element bytes for each dtype, metadata, hashes. */
final class TestArrays {
  static final ObjectMapper JSON = new ObjectMapper();

  private TestArrays() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /**
   * {@code n} elements of {@code dtype}, little-endian. Floats are small multiples of 1/4, so
   * delta's differences and sums stay exact even in float16.
   */
  static byte[] values(DType dtype, long n, long seed) {
    Random r = new Random(seed);
    int size = dtype.itemSize();
    ByteBuffer b = ByteBuffer.allocate((int) (n * size)).order(ByteOrder.LITTLE_ENDIAN);
    for (long i = 0; i < n; i++) {
      switch (dtype.kind()) {
        case BOOL:
          b.put((byte) (r.nextBoolean() ? 1 : 0));
          break;
        case FLOAT:
          double v = (r.nextInt(1001) - 500) * 0.25;
          if (size == 2) {
            b.putShort(Float16.fromFloat((float) v));
          } else if (size == 4) {
            b.putFloat((float) v);
          } else {
            b.putDouble(v);
          }
          break;
        default:
          long x = r.nextLong();
          // mostly small values so compressors have something to find, some full-range ones
          if (r.nextInt(4) != 0) {
            x = r.nextInt(200) - (dtype.kind() == DType.Kind.UINT ? 0 : 100);
          }
          for (int k = 0; k < size; k++) {
            b.put((byte) (x >>> (8 * k)));
          }
      }
    }
    return b.array();
  }

  static ArrayMetadata meta(long[] shape, int[] chunks, String dtype, String fill,
      String compressor, List<JsonNode> filters) {
    return ArrayMetadata.of(shape, chunks, DType.parse(dtype), Order.C,
        fill == null ? null : json(fill), compressor == null ? null : json(compressor), filters, '.');
  }

  static long count(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
