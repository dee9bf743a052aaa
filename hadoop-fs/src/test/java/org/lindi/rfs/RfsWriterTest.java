package org.lindi.rfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing an RFS back to JSON: what the text looks like, and that the parser reads it back equal. */
@Timeout(20)
class RfsWriterTest {

  static String write(ReferenceFileSystem rfs) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RfsWriter.write(rfs, out);
    return out.toString(UTF_8);
  }

  static ReferenceFileSystem roundTrip(ReferenceFileSystem rfs) throws IOException {
    return RfsParser.parse(new ByteArrayInputStream(write(rfs).getBytes(UTF_8)), "round trip");
  }

  private static ReferenceFileSystem sample() throws IOException {
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("u1", ".");
    templates.put("h5", "https://dandiarchive.s3.amazonaws.com/blobs/7ee/415");
    return ReferenceFileSystem.builder()
        .templates(templates)
        .generationMetadata(RfsJson.mapper().readTree("{\"generatedBy\": \"test\"}"))
        .putJson(".zgroup", RfsJson.mapper().readTree("{\"zarr_format\": 2}"))
        .putJson(".zattrs", RfsJson.mapper().readTree("{\"nan\": NaN, \"inf\": -Infinity}"))
        .putJson("s/.zattrs", RfsJson.mapper().readTree("\"a json string\""))
        .putJson("t/.zattrs", RfsJson.mapper().readTree("[1, 2]"))
        .put("n/.zarray", ChunkRef.inline("not json".getBytes(UTF_8)))
        .put("r/.zmetadata", ChunkRef.range("meta.json", 0, 100))
        .put("d/0", ChunkRef.range(".", 1049600, 13726))
        .put("d/1", ChunkRef.range("https://dandiarchive.s3.amazonaws.com/blobs/7ee/415", 9, 10))
        .put("d/2", ChunkRef.range("https://dandiarchive.s3.amazonaws.com/blobs/7ee/415/x", 1, 2))
        .put("d/3", ChunkRef.range("s3a://bucket/whole.bin", 0, ChunkRef.WHOLE_FILE))
        .put("i/0", ChunkRef.inline("plain text 123".getBytes(UTF_8)))
        .put("i/1", ChunkRef.inline(new byte[] {2, 1, 0, (byte) 200}))
        .put("i/2", ChunkRef.inline("base64:looks encoded".getBytes(UTF_8)))
        .put("i/3", ChunkRef.inline(new byte[0]))
        .put("i/4", ChunkRef.inline("{\"k\": 1}".getBytes(UTF_8)))
        .build();
  }

  @Test
  void roundTripsEveryKindOfValue() throws IOException {
    ReferenceFileSystem rfs = sample();
    assertEquals(rfs, roundTrip(rfs));
    assertEquals(rfs.generationMetadata(), roundTrip(rfs).generationMetadata());
  }

  @Test
  void urlsGoThroughATemplateOnlyWhenThatShortensThem() throws IOException {
    String json = write(sample());
    assertTrue(json.contains("[\".\",1049600,13726]"), json);
    assertTrue(json.contains("[\"{{h5}}\",9,10]"), json);
    assertTrue(json.contains("[\"{{h5}}/x\",1,2]"), json);
    assertTrue(json.contains("[\"s3a://bucket/whole.bin\"]"), json);
    assertTrue(json.contains("\"templates\":{\"u1\":\".\",\"h5\":"), json);
  }

  @Test
  void inlineBytesArePlainTextOnlyWhenPrintableAscii() throws IOException {
    String json = write(sample());
    assertTrue(json.contains("\"i/0\":\"plain text 123\""), json);
    assertTrue(json.contains("\"i/1\":\"base64:AgEAyA==\""), json);
    assertTrue(json.contains("\"i/2\":\"base64:"), json);
    assertTrue(json.contains("\"i/3\":\"\""), json);
  }

  @Test
  void metadataObjectsAreObjectsAndNonFiniteNumbersAreTokens() throws IOException {
    String json = write(sample());
    assertTrue(json.contains("\".zgroup\":{\"zarr_format\":2}"), json);
    assertTrue(json.contains("\"nan\":NaN") && json.contains("\"inf\":-Infinity"), json);
    // Not an object: written as a string holding its JSON, so it cannot read back as a range.
    assertTrue(json.contains("\"t/.zattrs\":\"[1,2]\""), json);
    assertFalse(json.contains("\"nan\":\"NaN\""), json);
  }

  @Test
  void refsAreWrittenInKeyOrder() throws IOException {
    String json = write(sample());
    int last = -1;
    for (String key : List.of("\".zattrs\"", "\".zgroup\"", "\"d/0\"", "\"d/3\"", "\"i/0\"",
        "\"n/.zarray\"", "\"r/.zmetadata\"", "\"t/.zattrs\"")) {
      int at = json.indexOf(key);
      assertTrue(at > last, key + " in " + json);
      last = at;
    }
  }

  static Stream<Path> fixtureDocuments() throws IOException {
    Path root = Paths.get(System.getProperty("lindi.fixtures", "../../shared/fixtures"));
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".lindi.json")
              || p.toString().endsWith(".lindi.d/lindi.json"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureDocuments")
  void everyFixtureDocumentRoundTrips(Path file) throws IOException {
    ReferenceFileSystem rfs;
    try (InputStream in = Files.newInputStream(file)) {
      rfs = RfsParser.parse(in, file.toString());
    }
    assertTrue(rfs.size() > 0, file.toString());
    ReferenceFileSystem back = roundTrip(rfs);
    assertEquals(rfs, back, file.toString());
    for (String key : rfs.keys()) {
      assertEquals(rfs.get(key), back.get(key), key);
    }
  }
}
