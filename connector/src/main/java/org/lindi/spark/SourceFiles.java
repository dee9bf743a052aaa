package org.lindi.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiFile;
import org.lindi.LindiOptions;
import org.lindi.io.LocationPolicy;

/**
 * The lindi files of one read on the driver: the given paths with globs expanded (each glob's
 * matches sorted, duplicates dropped), each file opened once (header and RFS) and kept for schema
 * inference and planning. Files hold no open streams between uses.
 */
public final class SourceFiles {
  private final List<Path> paths;
  private final Configuration conf;
  private final LindiOptions lindiOptions;
  private final Map<Path, LindiFile> opened = new LinkedHashMap<>();

  private SourceFiles(List<Path> paths, Configuration conf, LindiOptions lindiOptions) {
    this.paths = Collections.unmodifiableList(paths);
    this.conf = conf;
    this.lindiOptions = lindiOptions;
  }

  /** Expands the paths of {@code options}; fails naming a path that matches nothing. */
  public static SourceFiles expand(ReadOptions options, Configuration conf) {
    Set<Path> out = new LinkedHashSet<>();
    for (String p : options.paths()) {
      Path path = new Path(p);
      try {
        FileSystem fs = path.getFileSystem(conf);
        if (isGlob(p)) {
          FileStatus[] matches = fs.globStatus(path);
          if (matches == null || matches.length == 0) {
            throw new FileNotFoundException("no lindi file matches " + p);
          }
          Arrays.sort(matches);
          for (FileStatus st : matches) {
            out.add(st.getPath());
          }
        } else {
          if (!fs.exists(path)) {
            throw new FileNotFoundException("lindi file not found: " + p);
          }
          out.add(fs.makeQualified(path));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
    LindiOptions lo = LindiOptions.defaults().withUrlRewrite(options.urlRewrite())
        .withAllowedLocations(LocationPolicy.parseAllowedLocations(options.allowedLocations()));
    return new SourceFiles(new ArrayList<>(out), conf, lo);
  }

  private static boolean isGlob(String p) {
    // Hadoop's glob characters; a url query ('?') of http paths is not a glob
    boolean remote = p.startsWith("http://") || p.startsWith("https://");
    return p.indexOf('*') >= 0 || p.indexOf('[') >= 0 || p.indexOf('{') >= 0 || (!remote && p.indexOf('?') >= 0);
  }

  public List<Path> paths() {
    return paths;
  }

  public Configuration conf() {
    return conf;
  }

  /** The open file at {@code path} (opened on first use). */
  public synchronized LindiFile open(Path path) {
    LindiFile f = opened.get(path);
    if (f == null) {
      try {
        f = LindiFile.open(path, conf, lindiOptions);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open lindi file " + path + ": " + e.getMessage(), e);
      }
      opened.put(path, f);
    }
    return f;
  }

  @Override
  public String toString() {
    return "SourceFiles" + paths;
  }
}
