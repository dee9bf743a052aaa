package org.lindi.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;

/** The parsed {@code .zarray} of a Zarr v2 array (immutable). */
public final class ArrayMetadata {
  private final long[] shape;
  private final int[] chunks;
  private final DType dtype;
  private final Order order;
  private final JsonNode fillValueJson;
  private final FillValue fillValue;
  private final JsonNode compressor;
  private final List<JsonNode> filters;
  private final char dimensionSeparator;

  private ArrayMetadata(long[] shape, int[] chunks, DType dtype, Order order, JsonNode fillValueJson,
      JsonNode compressor, List<JsonNode> filters, char dimensionSeparator) {
    this.shape = shape;
    this.chunks = chunks;
    this.dtype = dtype;
    this.order = order;
    this.fillValueJson = fillValueJson;
    this.fillValue = FillValue.parse(fillValueJson, dtype);
    this.compressor = compressor;
    this.filters = filters;
    this.dimensionSeparator = dimensionSeparator;
  }

  /** Builds metadata from values (writers use this); checks them like {@link #parse}. */
  public static ArrayMetadata of(long[] shape, int[] chunks, DType dtype, Order order,
      JsonNode fillValue, JsonNode compressor, List<JsonNode> filters, char dimensionSeparator) {
    check(shape.length == chunks.length,
        "shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks) + " have different ranks");
    for (int i = 0; i < shape.length; i++) {
      check(shape[i] >= 0, "negative shape " + Arrays.toString(shape));
      check(chunks[i] > 0, "chunks must be positive: " + Arrays.toString(chunks));
    }
    long elements = 1;
    for (int c : chunks) {
      elements = Math.multiplyExact(elements, c);
    }
    check(elements * Math.max(1, dtype.itemSize()) <= Integer.MAX_VALUE - 16,
        "chunks " + Arrays.toString(chunks) + " of " + dtype + " exceed 2 GiB per chunk");
    check(dimensionSeparator == '.' || dimensionSeparator == '/',
        "dimension_separator must be '.' or '/'");
    return new ArrayMetadata(shape.clone(), chunks.clone(), dtype, order,
        fillValue == null ? NullNode.getInstance() : fillValue,
        compressor == null || compressor.isNull() ? null : compressor,
        filters == null ? List.of() : List.copyOf(filters), dimensionSeparator);
  }

  /**
   * Parses a {@code .zarray} document; every problem is an "invalid array metadata"
   * {@link LindiFormatException} (the caller adds the key).
   */
  public static ArrayMetadata parse(JsonNode zarray) {
    check(zarray != null && zarray.isObject(), "not a JSON object");
    JsonNode format = zarray.get("zarr_format");
    check(format == null || format.asInt() == 2, "zarr_format " + format + " is not 2");
    long[] shape = longs(zarray.get("shape"), "shape");
    long[] chunkLongs = longs(zarray.get("chunks"), "chunks");
    int[] chunks = new int[chunkLongs.length];
    for (int i = 0; i < chunks.length; i++) {
      check(chunkLongs[i] > 0 && chunkLongs[i] <= Integer.MAX_VALUE, "chunks must be positive: "
          + Arrays.toString(chunkLongs));
      chunks[i] = (int) chunkLongs[i];
    }
    JsonNode dt = zarray.get("dtype");
    if (dt != null && dt.isArray()) {
      throw new UnsupportedFeatureException("structured Zarr dtype " + dt + " is not supported yet");
    }
    check(dt != null && dt.isTextual(), "dtype missing");
    DType dtype = DType.parse(dt.textValue());
    JsonNode ord = zarray.get("order");
    Order order = Order.C;
    if (ord != null && !ord.isNull()) {
      check(ord.isTextual() && (ord.textValue().equals("C") || ord.textValue().equals("F")),
          "order must be C or F, got " + ord);
      order = Order.valueOf(ord.textValue());
    }
    List<JsonNode> filters = new ArrayList<>();
    JsonNode f = zarray.get("filters");
    if (f != null && !f.isNull()) {
      check(f.isArray(), "filters must be a list or null");
      for (JsonNode x : f) {
        check(x.isObject() && x.hasNonNull("id"), "filter without id: " + x);
        filters.add(x);
      }
    }
    JsonNode compressor = zarray.get("compressor");
    if (compressor != null && !compressor.isNull()) {
      check(compressor.isObject() && compressor.hasNonNull("id"), "compressor without id: " + compressor);
    }
    JsonNode sep = zarray.get("dimension_separator");
    char separator = '.';
    if (sep != null && !sep.isNull()) {
      check(sep.isTextual() && sep.textValue().length() == 1, "invalid dimension_separator " + sep);
      separator = sep.textValue().charAt(0);
    }
    return of(shape, chunks, dtype, order, zarray.get("fill_value"), compressor,
        Collections.unmodifiableList(filters), separator);
  }

  private static long[] longs(JsonNode n, String name) {
    check(n != null && n.isArray(), name + " must be a list of integers");
    long[] out = new long[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode x = n.get(i);
      check(x.isIntegralNumber() || (x.isNumber() && x.doubleValue() == Math.rint(x.doubleValue())),
          name + " must be a list of integers: " + n);
      out[i] = x.asLong();
    }
    return out;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new LindiFormatException("invalid array metadata: " + what);
    }
  }

  /** This metadata as a {@code .zarray} document (parses back to an equal {@code ArrayMetadata}). */
  public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
    com.fasterxml.jackson.databind.node.JsonNodeFactory f =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
    com.fasterxml.jackson.databind.node.ArrayNode s = o.putArray("shape");
    for (long x : shape) {
      s.add(x);
    }
    com.fasterxml.jackson.databind.node.ArrayNode c = o.putArray("chunks");
    for (int x : chunks) {
      c.add(x);
    }
    o.put("dtype", dtype.str());
    o.set("compressor", compressor == null ? f.nullNode() : compressor);
    o.set("fill_value", fillValueJson);
    if (filters.isEmpty()) {
      o.putNull("filters");
    } else {
      o.putArray("filters").addAll(filters);
    }
    o.put("order", order.name());
    if (dimensionSeparator != '.') {
      o.put("dimension_separator", String.valueOf(dimensionSeparator));
    }
    o.put("zarr_format", 2);
    return o;
  }

  /** The same array with another compressor and filters (e.g. the HDF5 filters of an external array). */
  public ArrayMetadata withCodecs(JsonNode newCompressor, List<JsonNode> newFilters) {
    return of(shape, chunks, dtype, order, fillValueJson, newCompressor, newFilters, dimensionSeparator);
  }

  public long[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int[] chunks() {
    return chunks.clone();
  }

  public DType dtype() {
    return dtype;
  }

  public Order order() {
    return order;
  }

  /** The fill value as written in {@code .zarray}. */
  public JsonNode fillValueJson() {
    return fillValueJson;
  }

  public FillValue fillValue() {
    return fillValue;
  }

  /** The compressor configuration, or null. */
  public JsonNode compressor() {
    return compressor;
  }

  /** Filter configurations in encoding order (decoding applies them in reverse). */
  public List<JsonNode> filters() {
    return filters;
  }

  public char dimensionSeparator() {
    return dimensionSeparator;
  }

  /** True when chunks are stored raw (no compressor, no filter): short chunks are zero-padded. */
  public boolean isUncompressed() {
    return compressor == null && filters.isEmpty();
  }

  /** Elements in one full chunk. */
  public long chunkElements() {
    long n = 1;
    for (int c : chunks) {
      n *= c;
    }
    return n;
  }

  /** Total number of elements of the array. */
  public long elementCount() {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  public ChunkGrid grid() {
    return new ChunkGrid(shape, chunks, dimensionSeparator);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ArrayMetadata)) {
      return false;
    }
    ArrayMetadata m = (ArrayMetadata) o;
    return Arrays.equals(shape, m.shape) && Arrays.equals(chunks, m.chunks) && dtype.equals(m.dtype)
        && order == m.order && fillValueJson.equals(m.fillValueJson)
        && java.util.Objects.equals(compressor, m.compressor) && filters.equals(m.filters)
        && dimensionSeparator == m.dimensionSeparator;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + Arrays.hashCode(chunks) * 17 + dtype.hashCode();
  }

  @Override
  public String toString() {
    return "ArrayMetadata{shape=" + Arrays.toString(shape) + ", chunks=" + Arrays.toString(chunks)
        + ", dtype=" + dtype + ", order=" + order + ", compressor=" + compressor + ", filters="
        + filters + "}";
  }
}
