package org.lindi.rfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.error.LindiFormatException;

/** SPEC section 3: every ref kind, the document fields, padding, and every way a document is bad. */
@Timeout(10)
class RfsParserTest {
  private static final String FILE = "test.lindi.json";

  static ReferenceFileSystem parse(String json) {
    byte[] b = json.getBytes(UTF_8);
    return RfsParser.parse(b, 0, b.length, FILE);
  }

  static String doc(String refs) {
    return "{\"version\": 1, \"refs\": {" + refs + "}}";
  }

  @Test
  void readsVersionTemplatesAndGenerationMetadata() {
    ReferenceFileSystem rfs = parse("{\"version\": 1, \"generationMetadata\": {\"by\": \"x\", "
        + "\"n\": [1, 2]}, \"templates\": {\"u1\": \"a.h5\", \"u2\": \".\"}, \"refs\": {}}");
    assertEquals(1, rfs.version());
    assertEquals(Map.of("u1", "a.h5", "u2", "."), rfs.templates());
    assertEquals("x", rfs.generationMetadata().get("by").asText());
    assertEquals(0, rfs.size());
    assertEquals(FILE, rfs.source());
  }

  @Test
  void versionDefaultsToOneAndGenerationMetadataToNull() {
    ReferenceFileSystem rfs = parse("{\"refs\": {\"a/0\": \"x\"}}");
    assertEquals(1, rfs.version());
    assertNull(rfs.generationMetadata());
    assertTrue(rfs.templates().isEmpty());
  }

  @Test
  void anObjectRefIsThatObjectSerialisedAsJson() {
    ReferenceFileSystem rfs = parse(doc("\"a/0\": {\"k\": [1, 2.5, \"s\"]}"));
    assertArrayEquals("{\"k\":[1,2.5,\"s\"]}".getBytes(UTF_8), rfs.get("a/0").inlineBytes());
  }

  @Test
  void aBase64StringIsDecoded() {
    byte[] raw = {0, 1, 2, (byte) 255, 33, 10};
    String b64 = Base64.getEncoder().encodeToString(raw);
    ReferenceFileSystem rfs = parse(doc("\"a/0\": \"base64:" + b64 + "\""));
    assertArrayEquals(raw, rfs.get("a/0").inlineBytes());
  }

  @Test
  void anyOtherStringIsItsUtf8Bytes() {
    // LINDI writes small chunks as raw strings with \\u escapes (fixture native_grown extra/small_0/0).
    ReferenceFileSystem rfs = parse(doc("\"a/0\": \"\\u0002\\u00013\\u0004(é\""));
    assertArrayEquals(new byte[] {2, 1, '3', 4, '(', (byte) 0xc3, (byte) 0xa9},
        rfs.get("a/0").inlineBytes());
  }

  @Test
  void anArrayRefIsAByteRange() {
    ReferenceFileSystem rfs = parse(doc("\"a/0\": [\"data.h5\", 4096, 81234]"));
    assertEquals(ChunkRef.range("data.h5", 4096, 81234), rfs.get("a/0"));
  }

  @Test
  void aOneElementArrayRefIsTheWholeFile() {
    ReferenceFileSystem rfs = parse(doc("\"a/0\": [\"s3a://bucket/whole.bin\"]"));
    assertEquals(ChunkRef.range("s3a://bucket/whole.bin", 0, ChunkRef.WHOLE_FILE), rfs.get("a/0"));
  }

  @Test
  void templatesAreSubstitutedEvenWhenTheyFollowTheRefs() {
    ReferenceFileSystem rfs = parse("{\"refs\": {\"a/0\": [\"{{u1}}\", 1, 2], "
        + "\"a/1\": [\"{{u2}}/x/{{u1}}\", 3, 4], \"a/.zarray\": [\"{{u2}}\", 0, 9]}, "
        + "\"templates\": {\"u1\": \"f.h5\", \"u2\": \"https://h\"}}");
    assertEquals(ChunkRef.range("f.h5", 1, 2), rfs.get("a/0"));
    assertEquals(ChunkRef.range("https://h/x/f.h5", 3, 4), rfs.get("a/1"));
    assertEquals(ChunkRef.range("https://h", 0, 9), rfs.get("a/.zarray"));
    assertEquals(java.util.List.of("f.h5", "https://h/x/f.h5", "https://h"), rfs.urls());
  }

  @Test
  void nonFiniteNumberTokensAreAccepted() {
    ReferenceFileSystem rfs = parse(doc("\".zattrs\": {\"a\": NaN, \"b\": Infinity, "
        + "\"c\": -Infinity}, \"x/.zarray\": {\"fill_value\": NaN}"));
    JsonNode attrs = rfs.json(".zattrs");
    assertTrue(Double.isNaN(attrs.get("a").doubleValue()));
    assertEquals(Double.POSITIVE_INFINITY, attrs.get("b").doubleValue());
    assertEquals(Double.NEGATIVE_INFINITY, attrs.get("c").doubleValue());
    assertTrue(Double.isNaN(rfs.json("x/.zarray").get("fill_value").doubleValue()));
  }

  @Test
  void metadataStoredAsAStringHoldingJsonParses() {
    // kerchunk writes .zarray this way (fixture zarr/layouts misc/i2_meta_as_strings).
    ReferenceFileSystem rfs = parse(doc("\"x/.zarray\": \"{\\\"shape\\\": [50], \\\"chunks\\\": [20]}\""));
    assertEquals(50, rfs.json("x/.zarray").get("shape").get(0).asInt());
    assertEquals(rfs.json("x/.zarray"), RfsJson.mapper().valueToTree(
        Map.of("shape", new int[] {50}, "chunks", new int[] {20})));
  }

  @Test
  void metadataGetReturnsItsJsonBytes() throws IOException {
    ReferenceFileSystem rfs = parse(doc("\".zgroup\": {\"zarr_format\": 2}"));
    byte[] bytes = rfs.get(".zgroup").inlineBytes();
    assertEquals(rfs.json(".zgroup"), RfsJson.mapper().readTree(bytes));
  }

  @Test
  void metadataThatIsNotJsonFailsOnlyWhenAskedForItsJson() {
    ReferenceFileSystem rfs = parse(doc("\"g/.zattrs\": \"not json\", \"g/.zarray\": [\"f\", 0, 4]"));
    assertArrayEquals("not json".getBytes(UTF_8), rfs.get("g/.zattrs").inlineBytes());
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> rfs.json("g/.zattrs"));
    assertTrue(e.getMessage().contains("key=g/.zattrs") && e.getMessage().contains(FILE),
        e.getMessage());
    e = assertThrows(LindiFormatException.class, () -> rfs.json("g/.zarray"));
    assertTrue(e.getMessage().contains("key=g/.zarray"), e.getMessage());
  }

  @Test
  void theLastOfDuplicateKeysWins() {
    ReferenceFileSystem rfs = parse(doc("\"a/0\": \"first\", \"a/.zattrs\": {\"v\": 1}, "
        + "\"a/0\": [\"f\", 1, 2], \"a/.zattrs\": {\"v\": 2}"));
    assertEquals(ChunkRef.range("f", 1, 2), rfs.get("a/0"));
    assertEquals(2, rfs.json("a/.zattrs").get("v").asInt());
    assertEquals(2, rfs.size());
  }

  @Test
  void unknownTopLevelFieldsAreSkipped() {
    ReferenceFileSystem rfs = parse("{\"extra\": {\"deep\": [1, {\"x\": 2}]}, \"refs\": {\"a/0\": \"x\"}}");
    assertEquals(1, rfs.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void nulBytesAndWhitespaceMayFollowTheDocument(int kind) {
    String padding = new String[] {"", "\n  \n", "\0\0\0\0", " \0\n\0\t\r ", "\0".repeat(100_000)}[kind];
    String json = doc("\"a/0\": [\"f\", 1, 2]");
    byte[] bytes = (json + padding).getBytes(UTF_8);
    assertEquals(1, RfsParser.parse(bytes, 0, bytes.length, FILE).size());
  }

  @Test
  void aRegionRecordedAtTwiceTheJsonLengthParses() throws IOException {
    // The seed lindi1 writer recorded rfs_size as twice the JSON length after a relocation.
    byte[] json = doc("\"a/0\": [\".\", 1049600, 20]").getBytes(UTF_8);
    byte[] region = Arrays.copyOf(json, json.length * 2);
    ReferenceFileSystem rfs = RfsParser.parse(new ByteArrayInputStream(region), FILE);
    assertEquals(ChunkRef.range(".", 1049600, 20), rfs.get("a/0"));
  }

  @Test
  void aByteRangeOfALargerArrayParses() {
    byte[] json = doc("\"a/0\": \"x\"").getBytes(UTF_8);
    byte[] buf = new byte[json.length + 20];
    Arrays.fill(buf, (byte) '#');
    System.arraycopy(json, 0, buf, 10, json.length);
    assertEquals(1, RfsParser.parse(buf, 10, json.length, FILE).size());
  }

  @Test
  void streamAndArrayParsesAgree() throws IOException {
    byte[] json = doc("\"a/0\": \"x\", \"a/1\": [\"f\", 1, 2], \"a/.zarray\": {\"k\": 1}").getBytes(UTF_8);
    assertEquals(RfsParser.parse(json, 0, json.length, FILE),
        RfsParser.parse(new ByteArrayInputStream(json), FILE));
  }

  @Test
  void invalidUtf8IsAFormatErrorNamingTheFile() {
    byte[] json = doc("\"a/0\": \"xx\"").getBytes(UTF_8);
    json[json.length - 5] = (byte) 0xff;
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> RfsParser.parse(json, 0, json.length, FILE));
    assertTrue(e.getMessage().contains("UTF-8") && e.getMessage().contains(FILE), e.getMessage());
  }

  static Stream<Arguments> badDocuments() {
    return Stream.of(
        Arguments.of("truncated", doc("\"a/0\": [\"f\", 1, 2]").substring(0, 25), "truncated", null),
        Arguments.of("truncated in a ref", "{\"refs\": {\"a/0\": [\"f\", 1", "truncated", "a/0"),
        Arguments.of("trailing garbage", doc("") + "\0\0x", "unexpected data after", null),
        Arguments.of("second document", doc("") + doc(""), "unexpected data after", null),
        Arguments.of("number ref", doc("\"a/0\": 5"), "wrong shape", "a/0"),
        Arguments.of("boolean ref", doc("\"a/0\": true"), "wrong shape", "a/0"),
        Arguments.of("null ref", doc("\"a/0\": null"), "wrong shape", "a/0"),
        Arguments.of("empty array", doc("\"a/0\": []"), "wrong shape", "a/0"),
        Arguments.of("number url", doc("\"a/0\": [1, 2, 3]"), "wrong shape", "a/0"),
        Arguments.of("two elements", doc("\"a/0\": [\"f\", 2]"), "wrong shape", "a/0"),
        Arguments.of("four elements", doc("\"a/0\": [\"f\", 1, 2, 3]"), "wrong shape", "a/0"),
        Arguments.of("float offset", doc("\"a/0\": [\"f\", 1.5, 2]"), "wrong shape", "a/0"),
        Arguments.of("string length", doc("\"a/0\": [\"f\", 1, \"2\"]"), "wrong shape", "a/0"),
        Arguments.of("negative offset", doc("\"a/0\": [\"f\", -1, 2]"), "negative offset", "a/0"),
        Arguments.of("negative length", doc("\"a/0\": [\"f\", 1, -2]"), "negative length", "a/0"),
        Arguments.of("huge offset", doc("\"a/0\": [\"f\", 99999999999999999999, 2]"), "too large", "a/0"),
        Arguments.of("bad base64", doc("\"a/0\": \"base64:@@@\""), "base64", "a/0"),
        Arguments.of("undefined template", doc("\"a/0\": [\"{{u9}}\", 1, 2]"), "u9", "a/0"),
        Arguments.of("unclosed template", doc("\"a/0\": [\"{{u9\", 1, 2]"), "unclosed", "a/0"),
        Arguments.of("deep nesting", doc("\"a/.zattrs\": " + "{\"x\": ".repeat(300) + "1" + "}".repeat(300)),
            "limit", "a/.zattrs"),
        Arguments.of("not an object", "[1, 2]", "not a JSON object", null),
        Arguments.of("empty", "", "empty", null),
        Arguments.of("only padding", "\0\0\0", "invalid RFS JSON", null),
        Arguments.of("no refs", "{\"version\": 1}", "no \"refs\"", null),
        Arguments.of("refs not an object", "{\"refs\": [1]}", "not a JSON object", null),
        Arguments.of("template not a string", "{\"templates\": {\"u\": 1}, \"refs\": {}}",
            "template \"u\"", null),
        Arguments.of("bad version", "{\"version\": \"1\", \"refs\": {}}", "version", null),
        Arguments.of("bad syntax", doc("\"a/0\": [\"f\" 1, 2]"), "invalid RFS JSON", "a/0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void aBadDocumentIsAFormatErrorNamingTheFileAndKey(String what, String json, String reason,
      String key) {
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> parse(json));
    assertTrue(e.reason().contains(reason), what + ": " + e.getMessage());
    assertEquals(FILE, e.context().file(), e.getMessage());
    assertEquals(key, e.context().key(), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void aBadStreamIsTheSameFormatError(String what, String json, String reason, String key) {
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> RfsParser.parse(new ByteArrayInputStream(json.getBytes(UTF_8)), FILE));
    assertTrue(e.reason().contains(reason), what + ": " + e.getMessage());
    assertEquals(key, e.context().key(), e.getMessage());
  }
}
