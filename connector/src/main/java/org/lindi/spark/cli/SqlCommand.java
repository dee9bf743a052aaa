package org.lindi.spark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.lindi.error.LindiException;

/**
 * {@code lindi sql [--limit N] [--list] [--option K=V]... [--master URL] QUERY FILE...}: registers
 * the views of {@link SqlViews} that the query names (reading a file's hierarchy is cheap, loading
 * a view is not) and prints the result like {@code show(N, false)}.
 */
final class SqlCommand {
  static final int DEFAULT_LIMIT = 20;
  /** The connector's metadata column naming the file of each row. */
  static final String FILE_COLUMN = "_file";

  private final PrintStream out;
  private final PrintStream err;
  private SparkSession provided;

  SqlCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs in {@code spark} instead of starting a session (tests); {@code --master} is then ignored. */
  SqlCommand in(SparkSession spark) {
    this.provided = spark;
    return this;
  }

  int run(String[] argv) {
    CommandArgs args = CommandArgs.parse(argv, Set.of("limit", "option", "master"), Set.of("list"));
    int limit = (int) args.longValue("limit", DEFAULT_LIMIT, 0, 1_000_000);
    Map<String, String> options = readOptions(args.values("option"));
    List<String> positionals = args.positionals();
    boolean list = args.flag("list");
    if (list ? positionals.isEmpty() : positionals.size() < 2) {
      throw new CliUsageException(list ? "--list needs FILE..." : "expected QUERY FILE...");
    }
    String query = list ? null : positionals.get(0);
    List<String> paths = positionals.subList(list ? 0 : 1, positionals.size());
    Configuration conf = new Configuration();
    options.forEach((k, v) -> {
      if (k.startsWith("fs.") || k.startsWith("dfs.") || k.startsWith("lindi.")) {
        conf.set(k, v);
      }
    });
    SqlViews views;
    try {
      views = SqlViews.of(paths, conf);
    } catch (IOException | RuntimeException e) {
      err.println("lindi sql: " + (e instanceof LindiException || e instanceof IOException ? e.getMessage() : e.toString()));
      return LindiMain.FAILED;
    }
    if (list) {
      out.print(views.listing());
      return LindiMain.OK;
    }
    SparkSession spark = provided;
    try {
      if (spark == null) {
        spark = CliSpark.start(args.value("master", null));
      }
      List<SqlView> used = views.mentionedIn(query);
      for (SqlView v : used) {
        register(spark, v, options);
      }
      Dataset<Row> result = spark.sql(query);
      if (result.columns().length > 0) {
        ResultTable.print(result, limit, out);
      }
      return LindiMain.OK;
    } catch (Exception e) { // Spark's AnalysisException is checked but not declared
      err.println("lindi sql: " + QueryError.describe(e));
      if (String.valueOf(e.getMessage()).contains("TABLE_OR_VIEW_NOT_FOUND")) {
        err.println("views of " + (views.files().size() == 1 ? views.files().get(0) : views.files().size() + " files")
            + ":\n" + views.listing());
      }
      return LindiMain.FAILED;
    } finally {
      if (provided == null && spark != null) {
        spark.stop();
      }
    }
  }

  /** Registers {@code v} as a temp view over its files. */
  static void register(SparkSession spark, SqlView v, Map<String, String> options) {
    DataFrameReader r = spark.read().format("lindi").options(options);
    if (v.kind() != SqlView.Kind.CATALOG) {
      r = r.option("dataset", v.dataset());
    }
    if (v.kind() == SqlView.Kind.TABLE) {
      r = r.option("layout", "table");
    }
    if (v.time()) {
      r = r.option("time", "true");
    }
    Dataset<Row> df = r.load(v.files().toArray(new String[0]));
    if (v.files().size() > 1) {
      // a view hides metadata columns: make the file a plain column
      df = df.select(functions.col("*"), functions.col(FILE_COLUMN));
    }
    df.createOrReplaceTempView(v.name());
  }

  private static Map<String, String> readOptions(List<String> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : pairs) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new CliUsageException("--option takes KEY=VALUE, got '" + p + "'");
      }
      String key = p.substring(0, eq).trim();
      if (key.equalsIgnoreCase("dataset") || key.equalsIgnoreCase("layout") || key.equalsIgnoreCase("path")) {
        throw new CliUsageException("--option " + key + " is set per view by lindi sql");
      }
      out.put(key, p.substring(eq + 1));
    }
    return out;
  }
}
