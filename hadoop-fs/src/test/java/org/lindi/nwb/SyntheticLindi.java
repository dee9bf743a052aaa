package org.lindi.nwb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A hand-built {@code .lindi.json}: groups with attributes and 1-D or 2-D arrays whose chunks are
 * inline {@code base64:} refs (raw little-endian numbers, or json2 for strings and references).
 */
final class SyntheticLindi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode refs = JSON.createObjectNode();
  private final ArrayNode filters = JSON.createArrayNode();

  SyntheticLindi() {
    refs.set(".zgroup", JSON.createObjectNode().put("zarr_format", 2));
  }

  /** Numeric arrays get these filters (e.g. a counting codec), applied to every chunk. */
  SyntheticLindi withFilter(ObjectNode filter) {
    filters.add(filter);
    return this;
  }

  SyntheticLindi group(String path, ObjectNode attrs) {
    refs.set(path + "/.zgroup", JSON.createObjectNode().put("zarr_format", 2));
    if (attrs != null) {
      refs.set(path + "/.zattrs", attrs);
    }
    return this;
  }

  static ObjectNode attrs() {
    return JSON.createObjectNode();
  }

  static ObjectNode reference(String target) {
    ObjectNode r = JSON.createObjectNode();
    r.putObject("_REFERENCE").put("path", target).put("source", ".").put("object_id", "x")
        .put("source_object_id", "y");
    return r;
  }

  static ArrayNode list(String... items) {
    ArrayNode a = JSON.createArrayNode();
    for (String s : items) {
      a.add(s);
    }
    return a;
  }

  /** A float64 array of shape {@code shape} (C order values), chunked along axis 0 by {@code chunk}. */
  SyntheticLindi float64(String path, double[] values, long[] shape, int chunk, ObjectNode attrs) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putDouble(v);
    }
    return numeric(path, "<f8", 8, b.array(), shape, chunk, attrs);
  }

  /** An int64 array, chunked along axis 0. */
  SyntheticLindi int64(String path, long[] values, long[] shape, int chunk, ObjectNode attrs) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    return numeric(path, "<i8", 8, b.array(), shape, chunk, attrs);
  }

  /** A uint32 1-D array (the dtype pynwb gives a VectorIndex), one chunk. */
  SyntheticLindi uint32(String path, long[] values, ObjectNode attrs) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putInt((int) v);
    }
    return numeric(path, "<u4", 4, b.array(), new long[] {values.length}, Math.max(1, values.length), attrs);
  }

  /** An int16 array with no chunk refs at all (every chunk reads as fill_value). */
  SyntheticLindi emptyInt16(String path, long[] shape, int chunk) {
    refs.set(path + "/.zarray", zarray("<i2", shape, chunk, filters));
    return this;
  }

  /** A 1-D json2 object array of strings or reference objects, one chunk. */
  SyntheticLindi json2(String path, List<JsonNode> items, ObjectNode attrs) {
    ArrayNode f = JSON.createArrayNode();
    f.addObject().put("id", "json2");
    refs.set(path + "/.zarray", zarray("|O", new long[] {items.size()}, Math.max(1, items.size()), f));
    ArrayNode chunk = JSON.createArrayNode();
    items.forEach(chunk::add);
    chunk.add("|O");
    chunk.addArray().add(items.size());
    refs.put(path + "/0", "base64:" + Base64.getEncoder().encodeToString(
        chunk.toString().getBytes(StandardCharsets.UTF_8)));
    if (attrs != null) {
      refs.set(path + "/.zattrs", attrs);
    }
    return this;
  }

  /** A scalar float64 ({@code _SCALAR}) with extra attributes. */
  SyntheticLindi scalar(String path, double value, ObjectNode attrs) {
    ObjectNode a = attrs == null ? attrs() : attrs.deepCopy();
    a.put("_SCALAR", true);
    return float64(path, new double[] {value}, new long[] {1}, 1, a);
  }

  private SyntheticLindi numeric(String path, String dtype, int itemSize, byte[] bytes, long[] shape, int chunk,
      ObjectNode attrs) {
    refs.set(path + "/.zarray", zarray(dtype, shape, chunk, filters));
    long rowBytes = itemSize;
    for (int k = 1; k < shape.length; k++) {
      rowBytes *= shape[k];
    }
    long chunks = (shape[0] + chunk - 1) / chunk;
    for (long c = 0; c < chunks; c++) {
      // a full chunk even at the edge: the writer pads, the reader trims
      byte[] raw = new byte[(int) (chunk * rowBytes)];
      int from = (int) (c * chunk * rowBytes);
      int n = (int) Math.min(raw.length, bytes.length - from);
      System.arraycopy(bytes, from, raw, 0, n);
      StringBuilder key = new StringBuilder(path).append('/').append(c);
      for (int k = 1; k < shape.length; k++) {
        key.append(".0");
      }
      refs.put(key.toString(), "base64:" + Base64.getEncoder().encodeToString(raw));
    }
    if (attrs != null) {
      refs.set(path + "/.zattrs", attrs);
    }
    return this;
  }

  private static ObjectNode zarray(String dtype, long[] shape, int chunk, ArrayNode filters) {
    ObjectNode z = JSON.createObjectNode();
    z.put("zarr_format", 2);
    ArrayNode s = z.putArray("shape");
    ArrayNode c = z.putArray("chunks");
    for (int k = 0; k < shape.length; k++) {
      s.add(shape[k]);
      c.add(k == 0 ? chunk : Math.max(1, shape[k]));
    }
    z.put("dtype", dtype);
    z.put("order", "C");
    if (dtype.equals("|O")) {
      z.putNull("fill_value");
    } else {
      z.put("fill_value", 0);
    }
    z.putNull("compressor");
    if (filters.size() == 0) {
      z.putNull("filters");
    } else {
      z.set("filters", filters.deepCopy());
    }
    return z;
  }

  /** Writes {@code name} (e.g. {@code t.lindi.json}) into {@code dir}; returns its Hadoop path. */
  org.apache.hadoop.fs.Path write(Path dir, String name) throws IOException {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("version", 1);
    doc.set("refs", refs);
    Path file = dir.resolve(name);
    Files.write(file, JSON.writeValueAsBytes(doc));
    return new org.apache.hadoop.fs.Path(file.toUri());
  }
}
