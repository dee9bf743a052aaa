package org.lindi.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lindi.zarr.ArrayMetadata;

/** The {@code .zarray} document of an {@link ArrayMetadata}, as zarr-python writes it. */
final class ZarrayJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ZarrayJson() {}

  static ObjectNode of(ArrayMetadata meta) {
    ObjectNode z = NODES.objectNode();
    ArrayNode chunks = z.putArray("chunks");
    for (int c : meta.chunks()) {
      chunks.add(c);
    }
    z.set("compressor", meta.compressor() == null ? NODES.nullNode() : meta.compressor().deepCopy());
    if (meta.dimensionSeparator() != '.') {
      z.put("dimension_separator", String.valueOf(meta.dimensionSeparator()));
    }
    z.put("dtype", meta.dtype().str());
    JsonNode fill = meta.fillValueJson();
    z.set("fill_value", fill == null ? NODES.nullNode() : fill.deepCopy());
    if (meta.filters().isEmpty()) {
      z.putNull("filters");
    } else {
      ArrayNode filters = z.putArray("filters");
      meta.filters().forEach(f -> filters.add(f.deepCopy()));
    }
    z.put("order", meta.order().name());
    ArrayNode shape = z.putArray("shape");
    for (long s : meta.shape()) {
      shape.add(s);
    }
    z.put("zarr_format", 2);
    return z;
  }
}
