package org.lindi.spark.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.LindiGroup;
import org.lindi.LindiNode;
import org.lindi.nwb.DynamicTable;
import org.lindi.nwb.TimeAxis;
import org.lindi.spark.cli.SqlView.Kind;

/**
 * The views of the files given to {@code lindi sql}: {@code catalog}, then every array and every
 * NWB DynamicTable of any of the files, named after its path with each character other than a
 * letter, digit or {@code _} replaced by {@code _} ({@code acquisition/ElectricalSeries/data} is
 * {@code acquisition_ElectricalSeries_data}); a name met twice (names are case-insensitive in
 * Spark SQL) gets {@code _2}, {@code _3}... in path order. A view over several files reads the
 * files that hold its path, with the {@code _file} column. Found from the files' hierarchies on
 * the driver, without Spark.
 */
final class SqlViews {
  static final String CATALOG = "catalog";
  private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9_]");

  private final List<SqlView> views;
  private final List<String> files;

  private SqlViews(List<SqlView> views, List<String> files) {
    this.views = List.copyOf(views);
    this.files = List.copyOf(files);
  }

  /**
   * Expands {@code paths} (globs too) and reads each file's hierarchy. Fails with a
   * {@link FileNotFoundException} for a path that matches nothing and with the reader's
   * exception for a file that is not LINDI.
   */
  static SqlViews of(List<String> paths, Configuration conf) throws IOException {
    List<String> files = expand(paths, conf);
    Map<String, SqlView> byKey = new LinkedHashMap<>();
    for (String f : files) {
      try (LindiFile file = LindiFile.open(new Path(f), conf)) {
        for (LindiNode node : file.nodes()) {
          SqlView v = describe(file, node);
          if (v != null) {
            String key = v.kind() + ":" + v.dataset();
            SqlView seen = byKey.get(key);
            if (seen == null) {
              byKey.put(key, v.withFiles(List.of(f)));
            } else {
              List<String> more = new ArrayList<>(seen.files());
              more.add(f);
              byKey.put(key, seen.withFiles(more));
            }
          }
        }
      }
    }
    List<SqlView> sorted = new ArrayList<>(byKey.values());
    sorted.sort((a, b) -> a.dataset().compareTo(b.dataset()) != 0 ? a.dataset().compareTo(b.dataset())
        : a.kind().compareTo(b.kind()));
    List<SqlView> named = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    named.add(new SqlView(CATALOG, Kind.CATALOG, null, false, "path, kind, dtype, shape, chunks, ... of every node",
        files));
    taken.add(CATALOG);
    for (SqlView v : sorted) {
      String base = nameOf(v.dataset());
      String name = base;
      for (int k = 2; taken.contains(name.toLowerCase(Locale.ROOT)); k++) {
        name = base + "_" + k;
      }
      taken.add(name.toLowerCase(Locale.ROOT));
      named.add(new SqlView(name, v.kind(), v.dataset(), v.time(), v.summary(), v.files()));
    }
    return new SqlViews(named, files);
  }

  /** The SQL name of the node at {@code path}: other characters than letters, digits and {@code _} become {@code _}. */
  static String nameOf(String path) {
    String n = NOT_NAME.matcher(path).replaceAll("_");
    return n.isEmpty() || Character.isDigit(n.charAt(0)) ? "_" + n : n;
  }

  private static SqlView describe(LindiFile file, LindiNode node) {
    String path = node.path();
    if (node instanceof LindiArray) {
      LindiArray a = (LindiArray) node;
      String summary = a.dtype().str() + " " + (a.isScalar() ? "scalar" : Arrays.toString(a.shape()));
      boolean time = false;
      try {
        time = path.endsWith("/data") && TimeAxis.exists(file, path);
      } catch (RuntimeException e) {
        time = false; // an odd sibling: read the array without time
      }
      return new SqlView(path, Kind.ARRAY, path, time, summary + (time ? " + time" : ""), List.of());
    }
    if (node instanceof LindiGroup && !path.isEmpty() && DynamicTable.isDynamicTable(file, path)) {
      String summary;
      try {
        List<String> cols = new ArrayList<>();
        DynamicTable.of(file, path).columns().forEach(c -> cols.add(c.name()));
        summary = "table " + String.join(", ", cols);
      } catch (RuntimeException e) {
        summary = "table (unreadable: " + e.getMessage() + ")";
      }
      return new SqlView(path, Kind.TABLE, path, false, summary, List.of());
    }
    return null;
  }

  private static List<String> expand(List<String> paths, Configuration conf) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    for (String p : paths) {
      Path path = new Path(p);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new FileNotFoundException(p + ": no such file");
      }
      Arrays.sort(matches);
      for (FileStatus st : matches) {
        out.add(st.getPath().toString());
      }
    }
    return new ArrayList<>(out);
  }

  List<SqlView> views() {
    return views;
  }

  /** The files, globs expanded, as qualified paths. */
  List<String> files() {
    return files;
  }

  /** The views whose name appears as a word in {@code query} (case-insensitive): the ones to register. */
  List<SqlView> mentionedIn(String query) {
    String q = query.toLowerCase(Locale.ROOT);
    List<SqlView> out = new ArrayList<>();
    for (SqlView v : views) {
      String n = v.name().toLowerCase(Locale.ROOT);
      if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(n) + "(?![A-Za-z0-9_])").matcher(q).find()) {
        out.add(v);
      }
    }
    return out;
  }

  /** One line per view: name, what it reads, and in how many files. */
  String listing() {
    int width = 0;
    for (SqlView v : views) {
      width = Math.max(width, v.name().length());
    }
    StringBuilder sb = new StringBuilder();
    for (SqlView v : views) {
      sb.append(String.format(Locale.ROOT, "%-" + width + "s  %-7s %s", v.name(),
          v.kind().name().toLowerCase(Locale.ROOT), v.dataset() == null ? "" : "/" + v.dataset()));
      sb.append("  ").append(v.summary());
      if (files.size() > 1) {
        sb.append("  [").append(v.files().size()).append('/').append(files.size()).append(" files]");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
