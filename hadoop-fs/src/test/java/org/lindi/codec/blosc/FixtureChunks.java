package org.lindi.codec.blosc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The chunks of a fixture RFS read with Jackson directly (this package's tests must not depend on
 * the RFS layer): {@code [url, offset, length]} refs, through {@code {{name}}} templates, into
 * files beside the RFS, {@code base64:} strings and plain strings (their UTF-8 bytes).
 */
final class FixtureChunks {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path folder;
  private final JsonNode rfs;

  private FixtureChunks(Path file) throws IOException {
    this.folder = file.getParent();
    this.rfs = MAPPER.readTree(file.toFile());
  }

  /** The fixtures folder: system property {@code lindi.fixtures}, else /work/shared/fixtures. */
  static Path fixtures() {
    String prop = System.getProperty("lindi.fixtures");
    Path p = prop != null ? Paths.get(prop) : Paths.get("/work/shared/fixtures");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("fixtures folder not found: " + p);
    }
    return p;
  }

  static FixtureChunks open(String relative) throws IOException {
    return new FixtureChunks(fixtures().resolve(relative));
  }

  static JsonNode manifest() throws IOException {
    return MAPPER.readTree(fixtures().resolve("manifest.json").toFile());
  }

  /** The manifest entry of one file. */
  static JsonNode manifestFile(String relative) throws IOException {
    for (JsonNode f : manifest().get("files")) {
      if (f.get("file").asText().equals(relative)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no manifest entry for " + relative);
  }

  JsonNode zarray(String arrayPath) {
    return rfs.get("refs").get(arrayPath + "/.zarray");
  }

  /** The bytes of one key, or null when the RFS has no such key. */
  byte[] chunk(String key) throws IOException {
    JsonNode ref = rfs.get("refs").get(key);
    if (ref == null) {
      return null;
    }
    if (ref.isTextual()) {
      String s = ref.asText();
      return s.startsWith("base64:")
          ? Base64.getDecoder().decode(s.substring("base64:".length()))
          : s.getBytes(StandardCharsets.UTF_8);
    }
    String url = substitute(ref.get(0).asText());
    try (RandomAccessFile f = new RandomAccessFile(folder.resolve(url).toFile(), "r")) {
      byte[] b = new byte[ref.get(2).asInt()];
      f.seek(ref.get(1).asLong());
      f.readFully(b);
      return b;
    }
  }

  private String substitute(String url) {
    JsonNode templates = rfs.get("templates");
    if (templates == null) {
      return url;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = templates.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> t = it.next();
      url = url.replace("{{" + t.getKey() + "}}", t.getValue().asText());
    }
    return url;
  }
}
