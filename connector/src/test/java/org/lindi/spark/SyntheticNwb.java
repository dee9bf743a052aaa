package org.lindi.spark;

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
 * A hand-built NWB-like {@code .lindi.json} (after {@code org.lindi.nwb.SyntheticLindi} of the
 * hadoop-fs tests): groups with attributes, float64 arrays chunked along axis 0 and json2 string
 * arrays, every chunk an inline {@code base64:} ref.
 */
final class SyntheticNwb {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode refs = JSON.createObjectNode();

  SyntheticNwb() {
    refs.set(".zgroup", JSON.createObjectNode().put("zarr_format", 2));
  }

  static ObjectNode attrs() {
    return JSON.createObjectNode();
  }

  SyntheticNwb group(String path, ObjectNode attrs) {
    refs.set(path + "/.zgroup", JSON.createObjectNode().put("zarr_format", 2));
    if (attrs != null) {
      refs.set(path + "/.zattrs", attrs);
    }
    return this;
  }

  /** A 1-D float64 array chunked by {@code chunk} (the last chunk padded, as writers do). */
  SyntheticNwb float64(String path, double[] values, int chunk) {
    refs.set(path + "/.zarray", zarray("<f8", values.length, chunk, null));
    for (int c = 0; c * chunk < values.length; c++) {
      ByteBuffer b = ByteBuffer.allocate(chunk * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = c * chunk; i < Math.min(values.length, (c + 1) * chunk); i++) {
        b.putDouble(values[i]);
      }
      refs.put(path + "/" + c, "base64:" + Base64.getEncoder().encodeToString(b.array()));
    }
    return this;
  }

  /** A 1-D json2 string array chunked by {@code chunk}. */
  SyntheticNwb strings(String path, List<String> values, int chunk) {
    ArrayNode filters = JSON.createArrayNode();
    filters.addObject().put("id", "json2");
    refs.set(path + "/.zarray", zarray("|O", values.size(), chunk, filters));
    for (int c = 0; c * chunk < values.size(); c++) {
      ArrayNode items = JSON.createArrayNode();
      for (int i = c * chunk; i < (c + 1) * chunk; i++) {
        items.add(i < values.size() ? values.get(i) : "");
      }
      items.add("|O");
      items.addArray().add(chunk);
      refs.put(path + "/" + c, "base64:" + Base64.getEncoder().encodeToString(
          items.toString().getBytes(StandardCharsets.UTF_8)));
    }
    return this;
  }

  private static ObjectNode zarray(String dtype, int length, int chunk, ArrayNode filters) {
    ObjectNode z = JSON.createObjectNode();
    z.put("zarr_format", 2);
    z.putArray("shape").add(length);
    z.putArray("chunks").add(chunk);
    z.put("dtype", dtype);
    z.put("order", "C");
    if (filters == null) {
      z.put("fill_value", 0);
      z.putNull("filters");
    } else {
      z.putNull("fill_value");
      z.set("filters", filters);
    }
    z.putNull("compressor");
    return z;
  }

  /** Writes the file as {@code name} into {@code dir}; returns its {@code file:} URI string. */
  String write(Path dir, String name) throws IOException {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("version", 1);
    doc.set("refs", refs);
    Path file = dir.resolve(name);
    Files.write(file, JSON.writeValueAsBytes(doc));
    return file.toUri().toString();
  }
}
