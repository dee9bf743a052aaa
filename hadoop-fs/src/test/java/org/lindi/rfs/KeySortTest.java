package org.lindi.rfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key sort agrees with a byte-order sort of Strings, and keeps equal keys in put order. */
@Timeout(20)
class KeySortTest {

  @ParameterizedTest
  @ValueSource(strings = {"random", "sorted", "reversed", "numeric", "duplicates"})
  void sortsLikeUnsignedBytesWithEqualKeysInEntryOrder(String shape) {
    List<String> keys = keys(shape);
    ByteArrayOutputStream pool = new ByteArrayOutputStream();
    int[] start = new int[keys.size() + 1];
    for (int i = 0; i < keys.size(); i++) {
      start[i] = pool.size();
      pool.writeBytes(keys.get(i).getBytes(StandardCharsets.UTF_8));
    }
    start[keys.size()] = pool.size();
    byte[] bytes = pool.toByteArray();

    int[] order = KeySort.sort(bytes, start, keys.size());

    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      expected.add(i);
    }
    // A stable sort by UTF-8 bytes: the oracle.
    expected.sort((a, b) -> Arrays.compareUnsigned(keys.get(a).getBytes(StandardCharsets.UTF_8),
        keys.get(b).getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, Arrays.stream(order).boxed().toList());
    assertTrue(order.length == keys.size());
    boolean duplicates = keys.stream().map(k -> Arrays.toString(k.getBytes(StandardCharsets.UTF_8)))
        .distinct().count() < keys.size();
    assertEquals(duplicates, KeySort.sorted(bytes, start, keys.size()).hasEqualKeys(), shape);
  }

  private static List<String> keys(String shape) {
    Random random = new Random(7);
    List<String> keys = new ArrayList<>();
    switch (shape) {
      case "numeric":
        for (int i = 0; i < 120; i++) {
          for (int j = 0; j < 50; j++) {
            keys.add("acquisition/ElectricalSeries/data/" + i + "." + j);
          }
        }
        break;
      case "duplicates":
        for (int i = 0; i < 5000; i++) {
          keys.add("g/arr/" + random.nextInt(40) + (random.nextBoolean() ? "" : "\0"));
        }
        break;
      default:
        String alphabet = "ab/.0é😀\0";
        for (int i = 0; i < 5000; i++) {
          StringBuilder sb = new StringBuilder(random.nextBoolean() ? "common/prefix/of/keys/" : "");
          int n = random.nextInt(20);
          for (int c = 0; c < n; c++) {
            sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
          }
          keys.add(sb.toString());
        }
        if (!shape.equals("random")) {
          keys.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
              b.getBytes(StandardCharsets.UTF_8)));
          if (shape.equals("reversed")) {
            Collections.reverse(keys);
          }
        }
    }
    return keys;
  }
}
