package org.lindi.rfs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@link ReferenceFileSystem} as an RFS JSON document, streaming: {@code version},
 * {@code templates}, {@code generationMetadata}, then {@code refs} in key order. Range refs are
 * {@code [url, offset, length]} (through a template when that is shorter), inline bytes a string
 * when printable ASCII and {@code base64:} otherwise, metadata JSON objects as objects; NaN and
 * Infinity are bare tokens, as Python's {@code json} writes them. {@link RfsParser} reads it back
 * to an equal RFS.
 */
public final class RfsWriter {
  private RfsWriter() {}

  /** Writes the document to {@code out} (flushed, not closed). */
  public static void write(ReferenceFileSystem rfs, OutputStream out) throws IOException {
    try (JsonGenerator g = RfsJson.factory().createGenerator(out)) {
      g.setCodec(RfsJson.mapper());
      g.writeStartObject();
      g.writeNumberField("version", rfs.version());
      if (!rfs.templates().isEmpty()) {
        g.writeObjectFieldStart("templates");
        for (Map.Entry<String, String> t : rfs.templates().entrySet()) {
          g.writeStringField(t.getKey(), t.getValue());
        }
        g.writeEndObject();
      }
      JsonNode generation = rfs.generationMetadata();
      if (generation != null) {
        g.writeFieldName("generationMetadata");
        g.writeTree(generation);
      }
      g.writeObjectFieldStart("refs");
      writeRefs(rfs, g);
      g.writeEndObject();
      g.writeEndObject();
    }
    out.flush();
  }

  private static void writeRefs(ReferenceFileSystem rfs, JsonGenerator g) throws IOException {
    RefTable refs = rfs.refTable();
    Templates templates = rfs.templateTable();
    String[] urls = refs.urls();
    String[] written = new String[urls.length];
    for (int u = 0; u < urls.length; u++) {
      written[u] = templates.shorten(urls[u]);
    }
    // Merge the two sorted key sets, as ReferenceFileSystem.keys() does, without materialising it.
    Map<String, MetadataEntry> metadata = rfs.metadataEntries();
    Iterator<Map.Entry<String, MetadataEntry>> meta = metadata.entrySet().iterator();
    Map.Entry<String, MetadataEntry> nextMeta = meta.hasNext() ? meta.next() : null;
    int n = refs.size();
    for (int i = 0; i < n; i++) {
      String key = refs.key(i);
      while (nextMeta != null && KeyTable.ORDER.compare(nextMeta.getKey(), key) < 0) {
        writeMetadata(g, nextMeta.getKey(), nextMeta.getValue(), templates);
        nextMeta = meta.hasNext() ? meta.next() : null;
      }
      g.writeFieldName(key);
      if (refs.isInline(i)) {
        writeInline(g, refs.inlineBytes(i));
      } else {
        writeRange(g, written[refs.urlIndex(i)], refs.offset(i), refs.length(i));
      }
    }
    while (nextMeta != null) {
      writeMetadata(g, nextMeta.getKey(), nextMeta.getValue(), templates);
      nextMeta = meta.hasNext() ? meta.next() : null;
    }
  }

  private static void writeMetadata(JsonGenerator g, String key, MetadataEntry e,
      Templates templates) throws IOException {
    g.writeFieldName(key);
    if (e.json() == null) {
      ChunkRef raw = e.raw();
      if (raw.isInline()) {
        writeInline(g, raw.inlineBytes());
      } else {
        writeRange(g, templates.shorten(raw.url()), raw.offset(), raw.length());
      }
    } else if (e.json().isObject()) {
      g.writeTree(e.json());
    } else {
      // An array would read back as a range ref and a string as raw bytes: keep the JSON text.
      g.writeString(new String(RfsJson.toBytes(e.json()), StandardCharsets.UTF_8));
    }
  }

  private static void writeRange(JsonGenerator g, String url, long offset, long length)
      throws IOException {
    g.writeStartArray();
    g.writeString(url);
    if (length != ChunkRef.WHOLE_FILE) {
      g.writeNumber(offset);
      g.writeNumber(length);
    }
    g.writeEndArray();
  }

  private static void writeInline(JsonGenerator g, byte[] bytes) throws IOException {
    if (isPlainText(bytes)) {
      g.writeString(new String(bytes, StandardCharsets.US_ASCII));
    } else {
      g.writeString("base64:" + Base64.getEncoder().encodeToString(bytes));
    }
  }

  /** Printable ASCII that does not itself look like a base64 ref. */
  private static boolean isPlainText(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7e) {
        return false;
      }
    }
    return !(bytes.length >= 7 && new String(bytes, 0, 7, StandardCharsets.US_ASCII)
        .equals("base64:"));
  }
}
