package org.lindi.rfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;

/**
 * The byte scanner gives the same RFS as the streaming parser for every document it takes, and
 * hands back (null) every document it does not take exactly as written, errors included.
 */
@Timeout(30)
class RfsScannerTest {
  private static final String FILE = "x.lindi.json";

  private static ReferenceFileSystem streaming(byte[] json) throws IOException {
    return RfsParser.streaming(new ByteArrayInputStream(json), FILE);
  }

  /** Window sizes that put the window's end inside every token of short documents. */
  private static final int[] WINDOWS = {16, 17, 19, 23, 29, 40, 64, 100, 1000};

  /**
   * The document scanned whole; on the way, checks that scanning it through windows of every size
   * in {@link #WINDOWS} gives the same (null included), keys in the same order.
   */
  private static ReferenceFileSystem scanned(String json) {
    byte[] b = json.getBytes(UTF_8);
    ReferenceFileSystem whole = RfsScanner.tryParse(b, 0, b.length, FILE);
    for (int window : WINDOWS) {
      assertSameRfs(whole, RfsScanner.tryParse(new Source(b), window, FILE), json + " / window " + window);
    }
    return whole;
  }

  private static void assertSameRfs(ReferenceFileSystem expected, ReferenceFileSystem actual,
      String what) {
    assertEquals(expected, actual, what);
    if (expected != null) {
      List<String> keys = new java.util.ArrayList<>();
      actual.keys().forEach(keys::add);
      List<String> expectedKeys = new java.util.ArrayList<>();
      expected.keys().forEach(expectedKeys::add);
      assertEquals(expectedKeys, keys, what);
    }
  }

  /** A document in memory as a {@link DocumentSource} that records the reads made of it. */
  static final class Source implements DocumentSource {
    private final byte[] doc;
    int reads;
    int longestRead;

    Source(byte[] doc) {
      this.doc = doc;
    }

    @Override
    public long length() {
      return doc.length;
    }

    @Override
    public void read(long position, byte[] buf, int off, int len) {
      reads++;
      longestRead = Math.max(longestRead, len);
      System.arraycopy(doc, Math.toIntExact(position), buf, off, len);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"refs\": {}}",
      " {\"version\": 1, \"refs\": {\"a/0.0\": [\"f.bin\", 0, 10], \"a/1.0\": [\"f.bin\", 10, 0],"
          + " \"a/2.0\": [\"g.bin\"]}}\n\u0000\u0000 ",
      "{\"templates\": {\"u\": \"https://x/y\"}, \"refs\": {\"a/0\": [\"{{u}}/f\", 5, 6],"
          + " \"a/.zarray\": {\"shape\": [3], \"fill_value\": NaN}, \"a/.zattrs\": \"{\\\"unit\\\": \\\"\u00b5V\\\"\"}}",
      "{\"refs\": {\"a/0\": \"base64:AAEC\", \"a/1\": \"plain\", \"a/2\": [\"f\", 123456789012345678, 1]}}",
      "{\"refs\": {\"a/0\": [\"f\", 1234567890123456789, 2], \"a/1\": [ \"f\" , 1 , 2 ] }, \"generationMetadata\":"
          + " {\"k\": [1, {\"x\": \"]}\"}]}, \"other\": [\"ignored\", {}]}",
      "{\"refs\": {\"a/.zarray\": [\"meta.json\", 0, 40], \"a/0\": [\"f\", 0, 4], \"a/0\": [\"f\", 4, 4]},"
          + " \"refs\": {\"b/0\": [\"h\", 1, 1]}}",
      "{\"refs\": {\"\u00e9t\u00e9/0\": [\"f\", 0, 1]}}",
      "{\"refs\": {\"a\\/0\": [\"f\", 0, 1]}}",
      // refs after the first with the same url (the bulk path), and every way of leaving it
      "{\"refs\": {\"a/0\": [\"f\", 0, 1], \"a/1\": [\"f\", 123456789012345678, 1],"
          + " \"a/2\": [\"f\", 1234567890123456789, 2], \"a/3\": [\"f\" ,\n3 ,\t4 ], \"a/.zarray\": [\"f\", 0, 9],"
          + " \"a/4\": [\"f\"], \"a/5\": [\"ff\", 1, 2], \"a/6\":[\"f\",7,8], \"a/4\": [\"f\", 0, 0],"
          + " \"a/9\": [\"f\", 0, 1234567890123456789],"
          + " \"b/.zattrs\": {\"x\": [\"f\", 1, 2]}, \"a/10\": [\"f\", 5, 6] }}"})
  void sameRfsAsTheStreamingParser(String json) throws IOException {
    ReferenceFileSystem expected = streaming(json.getBytes(UTF_8));
    ReferenceFileSystem fast = scanned(json);
    if (fast != null) {
      assertEquals(expected, fast);
      List<String> keys = new java.util.ArrayList<>();
      fast.keys().forEach(keys::add);
      List<String> expectedKeys = new java.util.ArrayList<>();
      expected.keys().forEach(expectedKeys::add);
      assertEquals(expectedKeys, keys);
      for (String k : expected.keys()) {
        assertEquals(expected.get(k), fast.get(k), k);
      }
    }
    assertEquals(expected, RfsParser.parse(json.getBytes(UTF_8), 0, json.getBytes(UTF_8).length, FILE));
  }

  @Test
  void takesTheCommonDocumentsItself() {
    assertNotNull(scanned("{\"version\": 1, \"refs\": {\"a/0.0\": [\"f.bin\", 0, 10], \"a/.zarray\": {\"k\": 1}}}"));
    assertNotNull(scanned("{\"refs\": {\"a/.zattrs\": {\"unit\": \"\u00b5V\"}, \"a/0\": \"base64:AA==\"}}"));
    assertNotNull(scanned("{\"refs\": {\"a/0\": [\"f\", 0, 1], \"a/1\": [\"f\", 123456789012345678, 1],"
        + " \"a/3\": [\"f\" ,\n3 ,\t4 ], \"a/4\": [\"f\"], \"a/5\": [\"ff\", 1, 2], \"a/6\":[\"f\",7,8]}}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "[]", "{}", "{\"version\": 1}", "{\"refs\": {\"a\": [\"f\", 1, 2],}}", "{\"refs\": {\"a\": [\"f\", -1, 2]}}",
      "{\"refs\": {\"a\": [\"f\", 1.5, 2]}}", "{\"refs\": {\"a\": [\"f\", 1, 2, 3]}}", "{\"refs\": {\"a\": 5}}",
      "{\"refs\": {\"a\": [\"f\", 1, 2]}} x", "{\"refs\": {\"a\": [\"f\", 1, 2]}", "{\"refs\": {\"a\": [\"f\", 1, 2]}}}",
      "{\"refs\": {\"a\": [\"f\", 99999999999999999999, 2]}}", "{\"version\": \"1\", \"refs\": {}}",
      "{\"refs\": {\"a\": [\"{{missing}}/f\", 1, 2]}}", "{\"refs\": {\"a\": \"base64:!!\"}}",
      "{\"refs\": {\"a\": {\"k\": }}}", "{\"refs\": {\"a\": [\"f\", 0, 1], \"b\": [\"f\", 01, 2]}}",
      "{\"refs\": {\"a\": [\"f\", 0, 1], \"b\": [\"f\", 2e3, 2]}}",
      "{\"refs\": {\"a\": [\"f\", 0, 1], \"b\": [\"f\", 2, 3.0]}}",
      "{\"refs\": {\"a\": [\"f\", 0, 1], \"b\": [\"f\", 2, 3",
      "{\"refs\": {\"a\": [\"f\", 0, 1], \"b\": [\"f\", 2, 99999999999999999999]}}"})
  void handsBackWhatIsNotAValidDocument(String json) {
    assertNull(scanned(json), json);
  }

  @Test
  void aLargeDocumentIsReadThroughTheWindowNotWhole() throws IOException {
    StringBuilder json = new StringBuilder("{\"version\": 1, \"refs\": {\".zgroup\": {\"zarr_format\": 2}");
    for (int i = 0; i < 20_000; i++) {
      json.append(", \"data/").append(i).append(".0\": [\"")
          .append(i % 1000 == 999 ? "other.bin" : "chunks.bin").append("\", ").append(9000L * i).append(", 9000]");
      if (i % 5000 == 17) {
        json.append(", \"data/.zattrs\": {\"note\": \"").append("x".repeat(3000)).append("\"}");
        json.append(", \"inline/").append(i).append("\": \"base64:").append("QUJD".repeat(1000)).append('"');
      }
    }
    json.append("}, \"generationMetadata\": {\"k\": [1, 2]}}\n\u0000\u0000");
    byte[] b = json.toString().getBytes(UTF_8);
    ReferenceFileSystem whole = RfsScanner.tryParse(b, 0, b.length, FILE);
    assertNotNull(whole);
    assertEquals(streaming(b), whole);
    Source source = new Source(b);
    ReferenceFileSystem windowed = RfsScanner.tryParse(source, 1 << 14, FILE);
    assertSameRfs(whole, windowed, "window of 16 kB");
    assertTrue(source.longestRead <= 1 << 14, "longest read " + source.longestRead);
    assertTrue(source.reads > b.length / (1 << 14), source.reads + " reads of " + b.length + " bytes");
    // a value longer than the window grows it
    assertSameRfs(whole, RfsScanner.tryParse(new Source(b), 1 << 10, FILE), "window of 1 kB");
    assertEquals(whole, RfsParser.parse(new Source(b), FILE));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"refs\": {\"a\": [\"f\", 1, 2]}} x", "{\"refs\": {\"a\": [\"{{missing}}/f\", 1, 2]}}",
      "{\"refs\": {\"a\": {\"k\": }}}", "{\"version\": \"1\", \"refs\": {}}", ""})
  void aDocumentFromASourceFailsAsTheSameBytesInMemory(String json) {
    byte[] b = json.getBytes(UTF_8);
    RuntimeException inMemory = assertThrows(RuntimeException.class, () -> RfsParser.parse(b, 0, b.length, FILE));
    RuntimeException fromSource = assertThrows(RuntimeException.class, () -> RfsParser.parse(new Source(b), FILE));
    assertEquals(inMemory.getClass(), fromSource.getClass());
    assertEquals(inMemory.getMessage(), fromSource.getMessage());
  }

  @Test
  void everyJsonFixtureScansLikeItStreams() throws IOException {
    List<Path> docs;
    try (Stream<Path> s = Files.walk(Fixtures.dir())) {
      docs = s.filter(p -> p.toString().endsWith(".lindi.json")).sorted().collect(Collectors.toList());
    }
    int taken = 0;
    for (Path p : docs) {
      byte[] json = Files.readAllBytes(p);
      ReferenceFileSystem fast = RfsScanner.tryParse(json, 0, json.length, p.toString());
      if (fast != null) {
        taken++;
        assertEquals(streaming(json), fast, p.toString());
      }
      for (int window : new int[] {64, 1000, 4096}) {
        assertSameRfs(fast, RfsScanner.tryParse(new Source(json), window, p.toString()),
            p + " / window " + window);
      }
    }
    assertEquals(docs.size(), taken, "the scanner takes every fixture document");
  }
}
