package org.lindi.container;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.RfsJson;

/**
 * LINDI's own index of a {@code .lindi.tar} (SPEC 2.2): entry 0 {@code .tar_entry.json} points to
 * {@code .tar_index.json}, which lists every live member as {@code {"n", "o", "d", "s"}}. Reading
 * it costs two small reads instead of a walk over every tar header.
 */
final class TarIndex {
  static final String ENTRY_NAME = ".tar_entry.json";
  /** Generous bound for the space-padded 1024-byte entry document. */
  private static final int MAX_ENTRY_SIZE = 1 << 16;

  private TarIndex() {}

  /**
   * The live members named by the index (trash left out; the first of equal names wins, as in
   * LINDI's {@code get_file_info}), each checked against the file length.
   *
   * @throws LindiFormatException why the index cannot be used
   */
  static Map<String, TarEntry> read(ContainerFile file) throws IOException {
    if (file.length() < 2L * UstarHeader.BLOCK) {
      throw file.error("no room for the " + ENTRY_NAME + " entry");
    }
    UstarHeader first;
    try {
      first = UstarHeader.parse(file.read(0, UstarHeader.BLOCK, "tar header 0"), 0);
    } catch (IllegalArgumentException e) {
      throw file.error("tar header 0: " + e.getMessage());
    }
    if (!first.name().equals(ENTRY_NAME)) {
      throw file.error("the first tar entry is '" + first.name() + "', not " + ENTRY_NAME);
    }
    if (first.size() > MAX_ENTRY_SIZE) {
      throw file.error(ENTRY_NAME + " claims " + first.size() + " bytes");
    }
    byte[] entryJson = file.read(UstarHeader.BLOCK, (int) first.size(), ENTRY_NAME);
    TarEntry index = member(parse(entryJson, file).get("index"), file, ENTRY_NAME + " \"index\"");
    Map<String, TarEntry> entries = members(file, index);
    if (!entries.containsKey(DirContainer.RFS_NAME)) {
      throw file.error("the tar index lists no " + DirContainer.RFS_NAME);
    }
    checkHeader(file, entries.get(DirContainer.RFS_NAME));
    return entries;
  }

  /** Streams {@code {"files": [...]}}: an index of a million blobs is never a tree in memory. */
  private static Map<String, TarEntry> members(ContainerFile file, TarEntry index)
      throws IOException {
    Map<String, TarEntry> entries = new HashMap<>();
    String where = "tar index " + index.name();
    // The index is read whole before the next read of the file (checkHeader) moves the stream.
    try (InputStream in = file.stream(index.dataOffset(), index.size(), where);
        JsonParser p = RfsJson.factory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw file.error(where + " is not a JSON object");
      }
      boolean sawFiles = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (!field.equals("files")) {
          p.skipChildren();
          continue;
        }
        if (t != JsonToken.START_ARRAY) {
          throw file.error(where + ": \"files\" is not a list");
        }
        sawFiles = true;
        while (p.nextToken() == JsonToken.START_OBJECT) {
          TarEntry e = member(RfsJson.mapper().readTree(p), file, where);
          if (!e.isTrash()) {
            entries.putIfAbsent(e.name(), e);
          }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
          throw file.error(where + ": \"files\" holds " + p.currentToken() + ", not an object");
        }
      }
      if (!sawFiles) {
        throw file.error(where + " has no \"files\" list");
      }
    } catch (JsonProcessingException e) {
      throw file.error(where + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return entries;
  }

  /** A {@code {"n", "o", "d", "s"}} object, its range checked against the file. */
  private static TarEntry member(JsonNode m, ContainerFile file, String where) {
    if (m == null || !m.isObject() || !m.path("n").isTextual()) {
      throw file.error(where + ": expected {\"n\", \"o\", \"d\", \"s\"}, found " + m);
    }
    String name = m.get("n").asText();
    long o = number(m, "o", name, file, where);
    long d = number(m, "d", name, file, where);
    long s = number(m, "s", name, file, where);
    if (d < o + UstarHeader.BLOCK) {
      throw file.error(where + ": entry '" + name + "' has its data (" + d
          + ") before the end of its header (" + o + " + 512)");
    }
    file.checkRange(d, s, where + " entry '" + name + "'");
    return new TarEntry(name, o, d, s);
  }

  private static long number(JsonNode m, String field, String name, ContainerFile file,
      String where) {
    JsonNode v = m.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
      throw file.error(where + ": entry '" + name + "' has \"" + field + "\" " + v
          + ", expected a non-negative integer");
    }
    return v.asLong();
  }

  /** The index may be stale: the RFS entry's own header must agree with it. */
  private static void checkHeader(ContainerFile file, TarEntry e) throws IOException {
    if (e.dataOffset() != e.headerOffset() + UstarHeader.BLOCK) {
      return; // A pax header sits between; the scan would be the only way to check it.
    }
    UstarHeader h;
    try {
      h = UstarHeader.parse(file.read(e.headerOffset(), UstarHeader.BLOCK, "tar header"), 0);
    } catch (IllegalArgumentException x) {
      throw file.error("tar header of " + e.name() + " at byte " + e.headerOffset() + ": "
          + x.getMessage());
    }
    if (!h.name().equals(e.name()) || h.size() != e.size()) {
      throw file.error("the tar index says " + e + " but the header there is " + h);
    }
  }

  private static JsonNode parse(byte[] json, ContainerFile file) {
    try {
      return RfsJson.parseValue(json, 0, json.length);
    } catch (IOException e) {
      throw file.error(ENTRY_NAME + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
