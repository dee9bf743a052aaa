package org.lindi.rfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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

  private static ReferenceFileSystem scanned(String json) {
    byte[] b = json.getBytes(UTF_8);
    return RfsScanner.tryParse(b, 0, b.length, FILE);
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
    }
    assertEquals(docs.size(), taken, "the scanner takes every fixture document");
  }
}
