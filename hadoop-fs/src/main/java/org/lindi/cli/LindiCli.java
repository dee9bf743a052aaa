package org.lindi.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.lindi.error.LindiException;

/**
 * The {@code lindi} command line without Spark: {@code info FILE}, {@code cat FILE ARRAY [--rows a:b]},
 * and {@code sample} (info and a few values of the sample file shipped in the jar). Exit codes: 0 ok,
 * 1 a file that cannot be read, 2 bad arguments.
 */
public final class LindiCli {
  static final int OK = 0;
  static final int BAD_FILE = 1;
  static final int USAGE = 2;

  private LindiCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String command = args.length == 0 ? "sample" : args[0];
    String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
    Configuration conf = new Configuration();
    try {
      switch (command) {
        case "info":
          return new InfoCommand(conf, out).run(rest);
        case "cat":
          return new CatCommand(conf, out).run(rest);
        case "sample":
          return new SampleCommand(conf, out).run(rest);
        case "help":
        case "--help":
        case "-h":
          out.println(usage());
          return OK;
        default:
          err.println("lindi: unknown command '" + command + "'\n" + usage());
          return USAGE;
      }
    } catch (UsageException e) {
      err.println("lindi " + command + ": " + e.getMessage() + "\n" + usage());
      return USAGE;
    } catch (LindiException e) {
      err.println("lindi " + command + ": " + e.getMessage());
      return BAD_FILE;
    } catch (java.io.IOException | RuntimeException e) {
      err.println("lindi " + command + ": " + e);
      return BAD_FILE;
    }
  }

  static String usage() {
    return String.join("\n",
        "usage: lindi <command> [args]",
        "  info FILE                      tree of groups, arrays and links with dtype, shape, chunks, codecs, stored bytes",
        "  cat FILE ARRAY [--rows a:b]    print the rows a..b-1 (axis 0) of an array",
        "  sample                         info and values of the sample lindi1 file shipped in the jar",
        "FILE is any Hadoop path (local path, file:, hdfs://, s3a://, https://).");
  }

  /** Bad command-line arguments (exit code 2). */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
