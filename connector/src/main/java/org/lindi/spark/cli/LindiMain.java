package org.lindi.spark.cli;

import java.io.PrintStream;
import java.net.URL;
import java.util.Arrays;
import org.lindi.cli.LindiCli;

/**
 * The {@code lindi} command line with Spark: {@code sql} and {@code demo} here, {@code info},
 * {@code cat} and {@code sample} from the Spark-free {@link LindiCli}. Exit codes: 0 ok, 1 a file
 * that cannot be read or a query that fails, 2 bad arguments.
 */
public final class LindiMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  private static final String LOG_CONFIG = "log4j2-lindi-cli.properties";

  private LindiMain() {}

  public static void main(String[] args) {
    quietLogging();
    int code = run(args, System.out, System.err);
    System.out.flush();
    // Spark leaves non-daemon threads behind; the exit code is the answer
    System.exit(code);
  }

  /** Runs one command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(usage());
      return USAGE;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (command) {
        case "sql":
          return new SqlCommand(out, err).run(rest);
        case "demo":
          return new DemoCommand(out, err).run(rest);
        case "info":
        case "cat":
        case "sample":
          return LindiCli.run(args, out, err);
        case "help":
        case "--help":
        case "-h":
          out.println(usage());
          return OK;
        default:
          err.println("lindi: unknown command '" + command + "'\n" + usage());
          return USAGE;
      }
    } catch (CliUsageException e) {
      err.println("lindi " + command + ": " + e.getMessage() + "\n" + usage());
      return USAGE;
    }
  }

  static String usage() {
    return String.join("\n",
        "usage: lindi <command> [args]",
        "  info FILE                      tree of groups, arrays and links: dtype, shape, chunks, codecs, stored bytes",
        "  cat FILE ARRAY [--rows a:b]    print rows a..b-1 (axis 0) of an array",
        "  sql [options] QUERY FILE...    run Spark SQL over the files: every array, DynamicTable and the catalog",
        "                                 are views (acquisition/ElectricalSeries/data -> acquisition_ElectricalSeries_data)",
        "      --limit N                  rows to print (default 20)",
        "      --list                     print the views of the FILEs (no QUERY) and exit",
        "      --option KEY=VALUE         a lindi read option for every view (urlRewrite, fs.*, ...); repeatable",
        "      --master URL               Spark master (default local[*])",
        "  demo [options]                 write a synthetic ephys session, then with Spark: catalog, RMS,",
        "                                 spike counts per channel against the units table, 1 kHz LFP written back",
        "      --dir D                    keep the session in D (default: a temporary folder, deleted)",
        "      --channels C --seconds S   size (default 64 channels, 60 s at 30 kHz)",
        "      --units U --seed N         units injected (default channels / 2), generator seed (default 1)",
        "      --master URL               Spark master (default local[*])",
        "  sample                         info and values of the sample lindi1 file shipped in the jar",
        "  help                           this text",
        "FILE is any Hadoop path or glob (local path, file:, hdfs://, s3a://, https://).",
        "Exit codes: 0 ok, 1 unreadable file or failed query, 2 bad arguments.");
  }

  /** Sends Spark's and Hadoop's logging to WARN unless the user configured log4j2 already. */
  static void quietLogging() {
    if (System.getProperty("log4j2.configurationFile") == null) {
      URL config = LindiMain.class.getResource(LOG_CONFIG);
      if (config != null) {
        System.setProperty("log4j2.configurationFile", config.toString());
      }
    }
  }
}
