package org.lindi.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.network.util.JavaUtils;
import org.lindi.tree.NodeTree;

/**
 * The options of {@code spark.read().format("lindi")} (SPEC section 6), parsed and checked once:
 * paths, {@code dataset}, {@code layout}, {@code time}, {@code maxPartitionBytes}, {@code urlRewrite},
 * {@code allowedLocations}, and Hadoop settings ({@code fs.*}, {@code lindi.*}) passed as options.
 */
public final class ReadOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String PATH = "path";
  public static final String PATHS = "paths";
  public static final String DATASET = "dataset";
  public static final String LAYOUT = "layout";
  public static final String TIME = "time";
  public static final String MAX_PARTITION_BYTES = "maxPartitionBytes";
  public static final String URL_REWRITE = "urlRewrite";
  public static final String ALLOWED_LOCATIONS = "allowedLocations";

  private final List<String> paths;
  private final String dataset;
  private final Layout layout;
  private final boolean time;
  private final Long maxPartitionBytes;
  private final String urlRewrite;
  private final String allowedLocations;
  private final Map<String, String> hadoopOptions;

  private ReadOptions(List<String> paths, String dataset, Layout layout, boolean time, Long maxPartitionBytes,
      String urlRewrite, String allowedLocations, Map<String, String> hadoopOptions) {
    this.paths = Collections.unmodifiableList(new ArrayList<>(paths));
    this.dataset = dataset;
    this.layout = layout;
    this.time = time;
    this.maxPartitionBytes = maxPartitionBytes;
    this.urlRewrite = urlRewrite;
    this.allowedLocations = allowedLocations;
    this.hadoopOptions = Collections.unmodifiableMap(new TreeMap<>(hadoopOptions));
  }

  /** Parses Spark's options (keys compared case-insensitively, as Spark does). */
  public static ReadOptions parse(Map<String, String> options) {
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(options);
    List<String> paths = new ArrayList<>();
    if (o.containsKey(PATHS)) {
      paths.addAll(jsonList(o.get(PATHS)));
    }
    if (o.containsKey(PATH) && !o.get(PATH).isBlank()) {
      paths.add(0, o.get(PATH));
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no path: use load(path), load(path1, path2, ...) or option('path', ...)");
    }
    String ds = o.get(DATASET);
    String dataset = ds == null || ds.isBlank() ? null : NodeTree.normalize(ds);
    Layout layout = Layout.parse(o.get(LAYOUT));
    String t = o.get(TIME);
    boolean time = t != null && t.trim().equalsIgnoreCase("true");
    if (t != null && !time && !t.trim().equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("option time must be true or false, got '" + t + "'");
    }
    if (time && (dataset == null || layout != Layout.ROWS)) {
      throw new IllegalArgumentException("option time=true adds a time column to the rows layout of an NWB "
          + "TimeSeries 'data' array: set option dataset and keep layout rows (got "
          + (dataset == null ? "no dataset" : "layout " + layout.optionValue()) + ")");
    }
    if (layout == Layout.TABLE && dataset == null) {
      throw new IllegalArgumentException("layout table needs option dataset naming an NWB DynamicTable group, "
          + "e.g. units or general/extracellular_ephys/electrodes");
    }
    Long maxBytes = null;
    String mpb = o.get(MAX_PARTITION_BYTES);
    if (mpb != null && !mpb.isBlank()) {
      try {
        maxBytes = JavaUtils.byteStringAsBytes(mpb.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("maxPartitionBytes must be a byte count such as 134217728 or 128m, got '"
            + mpb + "'");
      }
      if (maxBytes < 0) {
        throw new IllegalArgumentException("maxPartitionBytes must be >= 0, got " + mpb);
      }
    }
    Map<String, String> hadoop = new TreeMap<>();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String k = e.getKey();
      String lower = k.toLowerCase(Locale.ROOT);
      if (lower.startsWith("fs.") || lower.startsWith("lindi.") || lower.startsWith("dfs.")) {
        hadoop.put(k, e.getValue());
      } else if (lower.startsWith("spark.hadoop.")) {
        hadoop.put(k.substring("spark.hadoop.".length()), e.getValue());
      }
    }
    return new ReadOptions(paths, dataset, layout, time, maxBytes, blankToNull(o.get(URL_REWRITE)),
        blankToNull(o.get(ALLOWED_LOCATIONS)), hadoop);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static List<String> jsonList(String json) {
    try {
      JsonNode n = new ObjectMapper().readTree(json);
      List<String> out = new ArrayList<>();
      if (n.isArray()) {
        n.forEach(x -> out.add(x.asText()));
      } else {
        out.add(json);
      }
      return out;
    } catch (JsonProcessingException e) {
      return List.of(json); // not Spark's JSON list: a single path
    }
  }

  /** The paths as given (globs not yet expanded). */
  public List<String> paths() {
    return paths;
  }

  /** The array path without a leading {@code /}; null for the catalog. */
  public String dataset() {
    return dataset;
  }

  public boolean isCatalog() {
    return dataset == null;
  }

  public Layout layout() {
    return layout;
  }

  /** Option {@code time}: add a {@code time} column from the NWB TimeSeries time axis. */
  public boolean time() {
    return time;
  }

  /** The option value, or null when Spark's file split size applies. */
  public Long maxPartitionBytes() {
    return maxPartitionBytes;
  }

  public String urlRewrite() {
    return urlRewrite;
  }

  public String allowedLocations() {
    return allowedLocations;
  }

  /** Hadoop settings given as options; they override the session's configuration. */
  public Map<String, String> hadoopOptions() {
    return hadoopOptions;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReadOptions)) {
      return false;
    }
    ReadOptions r = (ReadOptions) o;
    return paths.equals(r.paths) && Objects.equals(dataset, r.dataset) && layout == r.layout && time == r.time
        && Objects.equals(maxPartitionBytes, r.maxPartitionBytes) && Objects.equals(urlRewrite, r.urlRewrite)
        && Objects.equals(allowedLocations, r.allowedLocations) && hadoopOptions.equals(r.hadoopOptions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paths, dataset, layout, time, maxPartitionBytes, urlRewrite, allowedLocations);
  }

  @Override
  public String toString() {
    return "ReadOptions{paths=" + paths + ", dataset=" + dataset + ", layout=" + layout.optionValue() + ", time=" + time
        + ", maxPartitionBytes=" + maxPartitionBytes + ", urlRewrite=" + urlRewrite
        + ", allowedLocations=" + allowedLocations + "}";
  }
}
