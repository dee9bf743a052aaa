package org.lindi.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.LindiLink;
import org.lindi.LindiNode;
import org.lindi.StorageStats;
import org.lindi.error.LindiException;
import org.lindi.zarr.ArrayMetadata;

/** {@code lindi info FILE}: the hierarchy with dtype, shape, chunks, codecs and stored bytes. */
final class InfoCommand {
  private final Configuration conf;
  private final PrintStream out;

  InfoCommand(Configuration conf, PrintStream out) {
    this.conf = conf;
    this.out = out;
  }

  int run(String[] args) throws IOException {
    if (args.length != 1) {
      throw new LindiCli.UsageException("expected one FILE");
    }
    try (LindiFile file = LindiFile.open(new Path(args[0]), conf)) {
      print(file);
    }
    return LindiCli.OK;
  }

  void print(LindiFile file) {
    out.println(file.location() + " (" + file.container().format().name().toLowerCase() + ", "
        + file.rfs().size() + " refs)");
    for (LindiNode node : file.nodes()) {
      out.println(describe(node));
    }
  }

  static String describe(LindiNode node) {
    int depth = node.path().isEmpty() ? 0 : node.path().split("/").length;
    String indent = "  ".repeat(depth);
    String name = node.path().isEmpty() ? "/" : node.name();
    StringBuilder sb = new StringBuilder(indent).append(name);
    if (node instanceof LindiLink) {
      sb.append(" -> ").append(((LindiLink) node).target());
    } else if (node instanceof LindiArray) {
      sb.append("  ").append(arraySummary((LindiArray) node));
    } else if (!node.path().isEmpty()) {
      sb.append('/');
    }
    if (node.attributes().size() > 0) {
      sb.append("  ").append(abbreviate(node.attributes().toString(), 120));
    }
    return sb.toString();
  }

  static String arraySummary(LindiArray array) {
    try {
      ArrayMetadata m = array.metadata();
      StringBuilder sb = new StringBuilder();
      sb.append(array.compoundType() != null ? "compound" + array.compoundType().fields() : m.dtype().str());
      sb.append(' ').append(array.isScalar() ? "scalar" : Arrays.toString(m.shape()));
      sb.append(" chunks ").append(Arrays.toString(m.chunks()));
      if (m.order() != org.lindi.zarr.Order.C) {
        sb.append(" order ").append(m.order());
      }
      sb.append(' ').append(codecs(m));
      if (array.isExternal()) {
        sb.append(" external ").append(array.externalLink().url()).append(':').append(array.externalLink().name());
      }
      StorageStats s = array.storage();
      sb.append(", ").append(s.numChunks()).append('/').append(m.grid().numChunks())
          .append(" chunks stored, ").append(bytes(s.storedBytes()));
      return sb.toString();
    } catch (LindiException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static String codecs(ArrayMetadata m) {
    StringBuilder sb = new StringBuilder("[");
    if (m.compressor() != null) {
      sb.append(m.compressor().toString());
    }
    for (int i = 0; i < m.filters().size(); i++) {
      sb.append(sb.length() > 1 ? ", " : "").append("filter ").append(m.filters().get(i));
    }
    return sb.append(']').toString();
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
