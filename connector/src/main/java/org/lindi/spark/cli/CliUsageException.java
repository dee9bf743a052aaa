package org.lindi.spark.cli;

/** Bad command-line arguments: exit code 2, with the usage text. */
final class CliUsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliUsageException(String message) {
    super(message);
  }
}
