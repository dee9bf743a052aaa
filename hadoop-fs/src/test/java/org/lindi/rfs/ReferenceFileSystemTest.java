package org.lindi.rfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.error.LindiFormatException;

/** The compact, immutable RFS: lookups, sorted iteration, prefix walks and the builder. */
@Timeout(20)
class ReferenceFileSystemTest {

  private static ReferenceFileSystem sample() {
    return RfsParserTest.parse(RfsParserTest.doc(
        "\"data2/0\": \"x\", \"data/1\": [\"f.h5\", 10, 5], \"data/0\": [\"f.h5\", 0, 10], "
            + "\".zgroup\": {\"zarr_format\": 2}, \"data/.zarray\": {\"shape\": [2]}, "
            + "\"data/.zattrs\": {\"a\": 1}, \"g/sub/arr/0.0\": \"base64:AAE=\", "
            + "\"g/.zgroup\": {\"zarr_format\": 2}, \"data/sub/0\": [\"other.bin\"]"));
  }

  @ParameterizedTest
  @CsvSource({".zarray, true", "a/.zattrs, true", "a/b/.zgroup, true", "a/.zmetadata, true",
      "a/0.0, false", "a/.zarray/x, false", "z/0, false", ".z, true", "a.zarray, false"})
  void metadataKeysAreThoseWhoseLastSegmentStartsWithDotZ(String key, boolean metadata) {
    assertEquals(metadata, ReferenceFileSystem.isMetadataKey(key));
  }

  @Test
  void keysIterateSortedWithMetadataMergedIn() {
    List<String> keys = new ArrayList<>();
    sample().keys().forEach(keys::add);
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertEquals(sorted, keys);
    assertEquals(9, keys.size());
    assertEquals(9, sample().size());
  }

  @Test
  void metadataKeysAreSorted() {
    assertEquals(List.of(".zgroup", "data/.zarray", "data/.zattrs", "g/.zgroup"),
        sample().metadataKeys());
  }

  @Test
  void lookupsFindEveryKeyAndNothingElse() {
    ReferenceFileSystem rfs = sample();
    for (String key : rfs.keys()) {
      assertTrue(rfs.contains(key), key);
      assertTrue(rfs.get(key) != null, key);
    }
    for (String absent : List.of("data", "data/", "data/2", "data/.zgroup", "", "/data/0")) {
      assertFalse(rfs.contains(absent), absent);
      assertNull(rfs.get(absent), absent);
      assertNull(rfs.json(absent), absent);
    }
    assertEquals(ChunkRef.range("other.bin", 0, ChunkRef.WHOLE_FILE), rfs.get("data/sub/0"));
    assertArrayEquals(new byte[] {0, 1}, rfs.get("g/sub/arr/0.0").inlineBytes());
  }

  @Test
  void forEachUnderVisitsTheChunkKeysBelowAPrefixInOrder() {
    Map<String, ChunkRef> seen = new LinkedHashMap<>();
    sample().forEachUnder("data", seen::put);
    assertEquals(List.of("0", "1", "sub/0"), new ArrayList<>(seen.keySet()));
    assertEquals(ChunkRef.range("f.h5", 10, 5), seen.get("1"));
  }

  @ParameterizedTest
  @CsvSource({"'', 5", "data, 3", "/data/, 3", "data2, 1", "g, 1", "g/sub, 1", "g/sub/arr, 1",
      "dat, 0", "nothing, 0"})
  void forEachUnderCountsOnlyWholeSegments(String prefix, int expected) {
    int[] n = {0};
    sample().forEachUnder(prefix, (k, r) -> n[0]++);
    assertEquals(expected, n[0]);
  }

  @Test
  void jsonReturnsACopy() {
    ReferenceFileSystem rfs = sample();
    ((ObjectNode) rfs.json("data/.zarray")).put("shape", 99);
    assertEquals(2, rfs.json("data/.zarray").get("shape").get(0).asInt());
  }

  @Test
  void jsonOfAnInlineChunkParsesItsBytes() {
    ReferenceFileSystem rfs = RfsParserTest.parse(RfsParserTest.doc("\"a/0\": \"[1, 2]\""));
    assertEquals(2, rfs.json("a/0").size());
    ReferenceFileSystem range = RfsParserTest.parse(RfsParserTest.doc("\"a/0\": [\"f\", 1, 2]"));
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> range.json("a/0"));
    assertEquals("a/0", e.context().key());
  }

  @Test
  void urlsAreDistinct() {
    assertEquals(List.of("f.h5", "other.bin"), sample().urls());
  }

  @Test
  void theBuilderKeepsTheLastPutAndRemoves() {
    ReferenceFileSystem rfs = ReferenceFileSystem.builder()
        .put("a/0", ChunkRef.range("x", 1, 2))
        .put("a/1", ChunkRef.inline("hi".getBytes(UTF_8)))
        .put("a/0", ChunkRef.range("y", 3, 4))
        .putJson("a/.zarray", RfsJson.mapper().createObjectNode().put("k", 1))
        .put("a/.zattrs", ChunkRef.inline("{\"t\": 2}".getBytes(UTF_8)))
        .put("b/0", ChunkRef.range("x", 0, 1))
        .remove("b/0")
        .put("c/0", ChunkRef.range("x", 0, 1))
        .remove("c/0")
        .put("c/0", ChunkRef.range("z", 0, 1))
        .build();
    assertEquals(ChunkRef.range("y", 3, 4), rfs.get("a/0"));
    assertFalse(rfs.contains("b/0"));
    assertEquals(ChunkRef.range("z", 0, 1), rfs.get("c/0"));
    assertEquals(1, rfs.json("a/.zarray").get("k").asInt());
    assertEquals(2, rfs.json("a/.zattrs").get("t").asInt());
    assertEquals(5, rfs.size());
    assertEquals(List.of("y", "z"), rfs.urls());
  }

  @Test
  void removeTreeRemovesAGroupOrArrayAndEverythingBelow() {
    ReferenceFileSystem rfs = sample().toBuilder().removeTree("data").build();
    List<String> keys = new ArrayList<>();
    rfs.keys().forEach(keys::add);
    assertEquals(List.of(".zgroup", "data2/0", "g/.zgroup", "g/sub/arr/0.0"), keys);
  }

  @Test
  void toBuilderCopiesAndLeavesTheOriginalAlone() {
    ReferenceFileSystem original = sample();
    ReferenceFileSystem same = original.toBuilder().build();
    assertEquals(original, same);
    assertEquals(original.hashCode(), same.hashCode());
    ReferenceFileSystem changed = original.toBuilder()
        .put("data/0", ChunkRef.range("new.bin", 5, 6))
        .putJson("data/.zattrs", RfsJson.mapper().createObjectNode().put("b", 2))
        .build();
    assertNotEquals(original, changed);
    assertEquals(ChunkRef.range("f.h5", 0, 10), original.get("data/0"));
    assertEquals(ChunkRef.range("new.bin", 5, 6), changed.get("data/0"));
    assertEquals(1, original.json("data/.zattrs").get("a").asInt());
    assertEquals(original.size(), changed.size());
  }

  @Test
  void theBuilderCanBeReusedAfterBuild() {
    ReferenceFileSystem.Builder b = ReferenceFileSystem.builder().put("a/0", ChunkRef.range("x", 0, 1));
    ReferenceFileSystem first = b.build();
    b.put("a/1", ChunkRef.range("x", 1, 1));
    assertEquals(1, first.size());
    assertEquals(2, b.build().size());
  }

  @Test
  void urlsPutThroughTheBuilderAreNotTemplateSubstituted() {
    ReferenceFileSystem rfs = ReferenceFileSystem.builder()
        .templates(Map.of("u1", "sub"))
        .put("a/0", ChunkRef.range("literal{{u1}}", 0, 1))
        .build();
    assertEquals("literal{{u1}}", rfs.get("a/0").url());
  }

  /** Random keys (shared prefixes, non-ASCII, duplicates) against a String TreeMap. */
  @Test
  void matchesATreeMapOnRandomKeys() {
    Random random = new Random(42);
    String[] parts = {"a", "ab", "b", "é", "z", "😀", "0", "10", "9", ".", "_"};
    TreeMap<String, ChunkRef> expected = new TreeMap<>(KeyTable.ORDER);
    ReferenceFileSystem.Builder b = ReferenceFileSystem.builder();
    for (int i = 0; i < 20000; i++) {
      StringBuilder key = new StringBuilder("acquisition/ElectricalSeries/");
      int segments = 1 + random.nextInt(3);
      for (int s = 0; s < segments; s++) {
        if (s > 0) {
          key.append('/');
        }
        for (int c = 0; c <= random.nextInt(4); c++) {
          key.append(parts[random.nextInt(parts.length)]);
        }
      }
      String k = key.toString();
      if (ReferenceFileSystem.isMetadataKey(k)) {
        continue;
      }
      ChunkRef ref = random.nextBoolean() ? ChunkRef.range("u" + random.nextInt(3), i, 7)
          : ChunkRef.inline(new byte[] {(byte) i});
      b.put(k, ref);
      expected.put(k, ref);
    }
    ReferenceFileSystem rfs = b.build();
    assertEquals(expected.size(), rfs.size());
    List<String> keys = new ArrayList<>();
    rfs.keys().forEach(keys::add);
    assertEquals(new ArrayList<>(expected.keySet()), keys);
    expected.forEach((k, ref) -> assertEquals(ref, rfs.get(k), k));
    Map<String, ChunkRef> under = new TreeMap<>(KeyTable.ORDER);
    rfs.forEachUnder("acquisition/ElectricalSeries/ab", (s, r) -> under.put(s, r));
    Map<String, ChunkRef> expectedUnder = new TreeMap<>(KeyTable.ORDER);
    expected.forEach((k, r) -> {
      if (k.startsWith("acquisition/ElectricalSeries/ab/")) {
        expectedUnder.put(k.substring("acquisition/ElectricalSeries/ab/".length()), r);
      }
    });
    assertFalse(expectedUnder.isEmpty());
    assertEquals(expectedUnder, under);
  }

  @Test
  void keyOrderIsUtf8ByteOrder() {
    List<String> keys = new ArrayList<>(List.of("a", "\uffff", "😀", "é", "z", "ab", ""));
    keys.sort(KeyTable.ORDER);
    List<byte[]> bytes = new ArrayList<>();
    keys.forEach(k -> bytes.add(k.getBytes(UTF_8)));
    for (int i = 1; i < bytes.size(); i++) {
      byte[] x = bytes.get(i - 1);
      byte[] y = bytes.get(i);
      assertTrue(java.util.Arrays.compareUnsigned(x, y) < 0, keys.get(i - 1) + " < " + keys.get(i));
    }
  }

  @Test
  void toStringNamesTheSourceAndCounts() {
    String s = sample().toString();
    assertTrue(s.contains("test.lindi.json") && s.contains("chunkRefs=5"), s);
  }

  @Test
  void generationMetadataIsACopy() {
    ReferenceFileSystem rfs = RfsParserTest.parse(
        "{\"generationMetadata\": {\"a\": 1}, \"refs\": {}}");
    JsonNode g = rfs.generationMetadata();
    ((ObjectNode) g).put("a", 2);
    assertEquals(1, rfs.generationMetadata().get("a").asInt());
  }
}
