package org.lindi.spark.cli;

import org.apache.spark.sql.AnalysisException;
import org.lindi.error.LindiException;

/**
 * What to tell the user about a failed query: the reader's own message when a LINDI error is
 * among the causes (it names the file, array, chunk and byte range), Spark's message without the
 * plan for analysis errors, otherwise the message with stack traces cut off.
 */
final class QueryError {
  private QueryError() {}

  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LindiException) {
        return t.getMessage();
      }
    }
    if (e instanceof AnalysisException) {
      return ((AnalysisException) e).getSimpleMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = firstLines(e.getMessage() == null ? e.toString() : e.getMessage());
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += "\ncaused by: " + root.getClass().getSimpleName() + ": " + firstLines(root.getMessage());
    }
    return message;
  }

  /** The message up to the first stack frame or Spark's "Driver stacktrace". */
  private static String firstLines(String message) {
    StringBuilder sb = new StringBuilder();
    for (String line : message.split("\n")) {
      String l = line.trim();
      if (l.startsWith("at ") || l.startsWith("Driver stacktrace") || l.startsWith("...")) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : "\n").append(line);
    }
    return sb.toString();
  }
}
