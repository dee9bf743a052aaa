package org.lindi.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.lindi.ArrayData;
import org.lindi.LindiArray;
import org.lindi.LindiFile;

/** {@code lindi cat FILE ARRAY [--rows a:b]}: prints rows of an array, one per line. */
final class CatCommand {
  private static final long DEFAULT_ROWS = 20;

  private final Configuration conf;
  private final PrintStream out;

  CatCommand(Configuration conf, PrintStream out) {
    this.conf = conf;
    this.out = out;
  }

  int run(String[] args) throws IOException {
    if (args.length != 2 && !(args.length == 4 && args[2].equals("--rows"))) {
      throw new LindiCli.UsageException("expected FILE ARRAY [--rows a:b]");
    }
    long[] range = args.length == 4 ? parseRows(args[3]) : null;
    try (LindiFile file = LindiFile.open(new Path(args[0]), conf)) {
      print(file.array(args[1]), range);
    }
    return LindiCli.OK;
  }

  static long[] parseRows(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0) {
      throw new LindiCli.UsageException("--rows takes a:b, got '" + spec + "'");
    }
    try {
      long a = colon == 0 ? 0 : Long.parseLong(spec.substring(0, colon));
      long b = colon == spec.length() - 1 ? Long.MAX_VALUE : Long.parseLong(spec.substring(colon + 1));
      if (a < 0 || b < a) {
        throw new LindiCli.UsageException("--rows a:b needs 0 <= a <= b, got '" + spec + "'");
      }
      return new long[] {a, b};
    } catch (NumberFormatException e) {
      throw new LindiCli.UsageException("--rows takes integers a:b, got '" + spec + "'");
    }
  }

  void print(LindiArray array, long[] range) {
    long[] shape = array.metadata().shape();
    if (array.isScalar() || shape.length == 0) {
      ArrayData d = array.read();
      out.println(format(d.get(0)));
      return;
    }
    long from = range == null ? 0 : Math.min(range[0], shape[0]);
    long to = range == null ? Math.min(shape[0], DEFAULT_ROWS) : Math.min(range[1], shape[0]);
    long[] start = new long[shape.length];
    long[] count = shape.clone();
    start[0] = from;
    count[0] = to - from;
    ArrayData d = array.read(start, count);
    long perRow = 1;
    for (int k = 1; k < shape.length; k++) {
      perRow *= shape[k];
    }
    for (long r = 0; r < count[0]; r++) {
      StringBuilder sb = new StringBuilder().append(from + r).append('\t');
      for (long j = 0; j < perRow; j++) {
        if (j > 0) {
          sb.append(' ');
        }
        sb.append(format(d.get((int) (r * perRow + j))));
      }
      out.println(sb);
    }
    if (range == null && shape[0] > to) {
      out.println("... (" + (shape[0] - to) + " more rows; use --rows a:b)");
    }
  }

  static String format(Object v) {
    if (v instanceof double[]) {
      double[] c = (double[]) v;
      return c[0] + (c[1] < 0 ? "" : "+") + c[1] + "j";
    }
    if (v instanceof Object[]) {
      return java.util.Arrays.deepToString((Object[]) v);
    }
    return String.valueOf(v);
  }
}
