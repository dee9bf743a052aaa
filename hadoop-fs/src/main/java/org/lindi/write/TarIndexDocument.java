package org.lindi.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.lindi.container.TarEntry;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.RfsJson;

/**
 * LINDI's two small documents of a {@code .lindi.tar}: {@code .tar_entry.json} (always member 0,
 * 1024 bytes of space-padded JSON {@code {"index": {n, o, d, s}}}) and {@code .tar_index.json}
 * ({@code {"files": [{n, o, d, s}, ...]}}). The index may hold one more field of ours,
 * {@value #SPARES}: superseded copies of the index and RFS (renamed {@code .trash/...}) whose
 * space the next commit reuses. LINDI keeps unknown fields when it rewrites the index.
 */
final class TarIndexDocument {
  static final String ENTRY = ".tar_entry.json";
  static final String INDEX = ".tar_index.json";
  static final String RFS = "lindi.json";
  static final int ENTRY_SIZE = 1024;
  /** LINDI's initial size of {@code .tar_index.json} and {@code lindi.json}. */
  static final long INITIAL_SIZE = 8 * 1024;
  static final String SPARES = "lindi_reusable_trash";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<TarEntry> files;
  private final List<TarEntry> spares;
  private final ObjectNode extra;

  TarIndexDocument(List<TarEntry> files, List<TarEntry> spares, ObjectNode extra) {
    this.files = files;
    this.spares = spares;
    this.extra = extra;
  }

  List<TarEntry> files() {
    return files;
  }

  List<TarEntry> spares() {
    return spares;
  }

  /** Fields of the index other than {@code files} and ours, kept as they were. */
  ObjectNode extra() {
    return extra;
  }

  /** LINDI's padding rule: the initial size, doubled until it is at least four times the text. */
  static long paddedSize(long length) {
    long total = INITIAL_SIZE;
    while (total < length * 4) {
      total *= 2;
    }
    return total;
  }

  /** {@code bytes} followed by spaces up to {@code size}. */
  static byte[] spacePadded(byte[] bytes, long size) {
    if (bytes.length > size) {
      throw new IllegalArgumentException(bytes.length + " bytes do not fit in " + size);
    }
    byte[] out = Arrays.copyOf(bytes, (int) size);
    Arrays.fill(out, bytes.length, out.length, (byte) ' ');
    return out;
  }

  /** The {@code index} member named by a {@code .tar_entry.json} document. */
  static TarEntry parseEntry(byte[] entry, String file) {
    JsonNode root = parse(entry, file, ENTRY);
    return member(root.get("index"), file, ENTRY);
  }

  /** {@code .tar_entry.json} pointing to {@code index}: 1024 bytes, space padded. */
  static byte[] entryBytes(TarEntry index) {
    ObjectNode root = NODES.objectNode();
    root.set("index", node(index));
    return spacePadded(root.toString().getBytes(StandardCharsets.UTF_8), ENTRY_SIZE);
  }

  static TarIndexDocument parse(byte[] index, String file) {
    JsonNode root = parse(index, file, INDEX);
    JsonNode list = root.get("files");
    if (list == null || !list.isArray()) {
      throw new LindiFormatException(INDEX + " has no \"files\" list", ErrorContext.ofFile(file));
    }
    List<TarEntry> files = new ArrayList<>();
    for (JsonNode m : list) {
      files.add(member(m, file, INDEX));
    }
    List<TarEntry> spares = new ArrayList<>();
    JsonNode s = root.get(SPARES);
    if (s != null && s.isArray()) {
      for (JsonNode m : s) {
        spares.add(member(m, file, INDEX));
      }
    }
    ObjectNode extra = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("files") && !e.getKey().equals(SPARES)) {
        extra.set(e.getKey(), e.getValue());
      }
    }
    return new TarIndexDocument(files, spares, extra);
  }

  /** The index text (not padded). */
  byte[] toBytes() {
    ObjectNode root = NODES.objectNode();
    ArrayNode list = root.putArray("files");
    files.forEach(m -> list.add(node(m)));
    if (!spares.isEmpty()) {
      ArrayNode s = root.putArray(SPARES);
      spares.forEach(m -> s.add(node(m)));
    }
    root.setAll(extra);
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode node(TarEntry m) {
    ObjectNode n = NODES.objectNode();
    n.put("d", m.dataOffset());
    n.put("n", m.name());
    n.put("o", m.headerOffset());
    n.put("s", m.size());
    return n;
  }

  private static JsonNode parse(byte[] bytes, String file, String what) {
    try {
      JsonNode root = RfsJson.parseValue(bytes, 0, bytes.length);
      if (!root.isObject()) {
        throw new LindiFormatException(what + " is not a JSON object", ErrorContext.ofFile(file));
      }
      return root;
    } catch (IOException e) {
      throw new LindiFormatException(what + " is not valid JSON: " + e.getMessage(),
          ErrorContext.ofFile(file), e);
    }
  }

  private static TarEntry member(JsonNode m, String file, String where) {
    if (m == null || !m.isObject() || !m.path("n").isTextual() || !m.path("o").canConvertToLong()
        || !m.path("d").canConvertToLong() || !m.path("s").canConvertToLong()
        || !m.path("o").isIntegralNumber() || !m.path("d").isIntegralNumber()
        || !m.path("s").isIntegralNumber()) {
      throw new LindiFormatException(where + ": expected {\"n\", \"o\", \"d\", \"s\"}, found " + m,
          ErrorContext.ofFile(file));
    }
    TarEntry t = new TarEntry(m.get("n").asText(), m.get("o").asLong(), m.get("d").asLong(),
        m.get("s").asLong());
    if (t.headerOffset() < 0 || t.dataOffset() < t.headerOffset() + UstarBlock.BLOCK
        || t.size() < 0) {
      throw new LindiFormatException(where + ": invalid member " + t, ErrorContext.ofFile(file));
    }
    return t;
  }
}
