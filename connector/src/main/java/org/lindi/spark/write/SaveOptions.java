package org.lindi.spark.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lindi.tree.NodeTree;

/**
 * The options of {@code df.write().format("lindi")} (SPEC section 7), parsed and checked once on the
 * driver: {@code path}, {@code dataset}, {@code chunks}, {@code compressor}, {@code filters},
 * {@code fill_value}, {@code attributes}, and Hadoop settings ({@code fs.*}, {@code dfs.*}) passed as
 * options. JSON values are kept as strings so the class stays serialisable.
 */
public final class SaveOptions implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final String PATH = "path";
  public static final String DATASET = "dataset";
  public static final String CHUNKS = "chunks";
  public static final String COMPRESSOR = "compressor";
  public static final String FILTERS = "filters";
  public static final String FILL_VALUE = "fill_value";
  public static final String ATTRIBUTES = "attributes";
  /** SPEC 7: blosc lz4, byte shuffle, as LINDI's Python package writes by default. */
  public static final String DEFAULT_COMPRESSOR =
      "{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}";
  /** SPEC 7: "about 4 MiB of decoded data per chunk" when {@code chunks} is not given. */
  public static final long DEFAULT_CHUNK_BYTES = 4L << 20;

  private final String path;
  private final String dataset;
  private final long[] chunks;
  private final String compressor;
  private final String filters;
  private final String fillValue;
  private final String attributes;
  private final Map<String, String> hadoopOptions;

  private SaveOptions(String path, String dataset, long[] chunks, String compressor, String filters,
      String fillValue, String attributes, Map<String, String> hadoopOptions) {
    this.path = path;
    this.dataset = dataset;
    this.chunks = chunks;
    this.compressor = compressor;
    this.filters = filters;
    this.fillValue = fillValue;
    this.attributes = attributes;
    this.hadoopOptions = Collections.unmodifiableMap(new TreeMap<>(hadoopOptions));
  }

  /** Parses Spark's options (keys compared case-insensitively, as Spark does). */
  public static SaveOptions parse(Map<String, String> options) {
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(options);
    String path = o.get(PATH);
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("no path: use save(path) to name the lindi file to write");
    }
    String ds = o.get(DATASET);
    if (ds == null || NodeTree.normalize(ds).isEmpty()) {
      throw new IllegalArgumentException("option dataset is required: the array path inside the file,"
          + " e.g. processing/lfp/data");
    }
    long[] chunks = parseChunks(o.get(CHUNKS));
    String compressor = blankToNull(o.get(COMPRESSOR));
    if (compressor == null) {
      compressor = DEFAULT_COMPRESSOR;
    } else if (compressor.trim().equalsIgnoreCase("none")) {
      compressor = "null";
    }
    JsonNode c = json(COMPRESSOR, compressor);
    if (!c.isNull() && !(c.isObject() && c.hasNonNull("id"))) {
      throw new IllegalArgumentException("option compressor must be a numcodecs JSON object with an"
          + " id, or null; got " + compressor);
    }
    String filters = blankToNull(o.get(FILTERS));
    if (filters != null) {
      JsonNode f = json(FILTERS, filters);
      if (!f.isNull() && !f.isArray()) {
        throw new IllegalArgumentException("option filters must be a JSON list, got " + filters);
      }
    }
    String fill = blankToNull(o.get(FILL_VALUE));
    if (fill != null) {
      fillJson(fill); // checks it
    }
    String attrs = blankToNull(o.get(ATTRIBUTES));
    if (attrs != null && !json(ATTRIBUTES, attrs).isObject()) {
      throw new IllegalArgumentException("option attributes must be a JSON object, got " + attrs);
    }
    Map<String, String> hadoop = new TreeMap<>();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String lower = e.getKey().toLowerCase(Locale.ROOT);
      if (lower.startsWith("fs.") || lower.startsWith("dfs.") || lower.startsWith("lindi.")) {
        hadoop.put(e.getKey(), e.getValue());
      } else if (lower.startsWith("spark.hadoop.")) {
        hadoop.put(e.getKey().substring("spark.hadoop.".length()), e.getValue());
      }
    }
    return new SaveOptions(path, NodeTree.normalize(ds), chunks, compressor, filters, fill, attrs,
        hadoop);
  }

  /** {@code 30000} (axis 0; other axes whole) or {@code 30000,16} / {@code [30000,16]} (every axis). */
  private static long[] parseChunks(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String[] parts = s.trim().replaceAll("^\\[|\\]$", "").split(",");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        out[i] = 0;
      }
      if (out[i] <= 0 || out[i] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("option chunks must be positive integers such as 30000 or"
            + " 30000,16; got '" + s + "'");
      }
    }
    return out;
  }

  private static JsonNode json(String option, String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("option " + option + " is not valid JSON: " + text, e);
    }
  }

  /** A number, {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code true}/{@code false} or {@code null}. */
  private static JsonNode fillJson(String text) {
    String t = text.trim();
    if (t.equals("NaN") || t.equals("Infinity") || t.equals("-Infinity")) {
      return TextNode.valueOf(t);
    }
    JsonNode n = json(FILL_VALUE, t);
    if (!n.isNumber() && !n.isBoolean() && !n.isNull()) {
      throw new IllegalArgumentException("option fill_value must be a number, NaN, Infinity,"
          + " -Infinity, true, false or null; got " + text);
    }
    return n;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public String path() {
    return path;
  }

  /** The array path, without a leading {@code /}. */
  public String dataset() {
    return dataset;
  }

  /** Chunk lengths as given (one for axis 0, or one per axis), or null for the default. */
  public long[] chunks() {
    return chunks == null ? null : chunks.clone();
  }

  /** The compressor JSON (a JSON null when none). */
  public JsonNode compressor() {
    return json(COMPRESSOR, compressor);
  }

  public List<JsonNode> filters() {
    List<JsonNode> out = new ArrayList<>();
    if (filters != null) {
      json(FILTERS, filters).forEach(out::add);
    }
    return out;
  }

  /** The fill value JSON, or null when not given. */
  public JsonNode fillValue() {
    return fillValue == null ? null : fillJson(fillValue);
  }

  /** The {@code .zattrs} to set, or null when not given. */
  public JsonNode attributes() {
    return attributes == null ? null : json(ATTRIBUTES, attributes);
  }

  /** Hadoop settings given as options; they override the session's configuration. */
  public Map<String, String> hadoopOptions() {
    return hadoopOptions;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SaveOptions)) {
      return false;
    }
    SaveOptions s = (SaveOptions) o;
    return path.equals(s.path) && dataset.equals(s.dataset) && java.util.Arrays.equals(chunks, s.chunks)
        && compressor.equals(s.compressor) && Objects.equals(filters, s.filters)
        && Objects.equals(fillValue, s.fillValue) && Objects.equals(attributes, s.attributes)
        && hadoopOptions.equals(s.hadoopOptions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, dataset, compressor, filters, fillValue, attributes);
  }

  @Override
  public String toString() {
    return "SaveOptions{path=" + path + ", dataset=" + dataset + ", chunks="
        + java.util.Arrays.toString(chunks) + ", compressor=" + compressor + ", filters=" + filters
        + ", fill_value=" + fillValue + ", attributes=" + attributes + "}";
  }
}
