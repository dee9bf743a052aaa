package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.error.RefOutOfBoundsException;

/** Looks through the exceptions Spark wraps (task failures, analysis errors) for LINDI's own. */
final class Failures {
  private Failures() {}

  /** The messages of {@code t} and all its causes, one per line. */
  static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
      sb.append(x.getClass().getName()).append(": ").append(x.getMessage()).append('\n');
    }
    return sb.toString();
  }

  /** The first cause of {@code t} of type {@code type}, or null. */
  static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
      if (type.isInstance(x)) {
        return type.cast(x);
      }
    }
    return null;
  }

  /** The exception type a manifest {@code expect_error} stands for. */
  static Class<? extends LindiException> expected(String expectError) {
    switch (expectError) {
      case "ref out of bounds":
        return RefOutOfBoundsException.class;
      case "codec error":
        return CodecException.class;
      case "decompression size limit exceeded":
        return DecompressionLimitException.class;
      default:
        return LindiFormatException.class;
    }
  }

  /**
   * Asserts that {@code t} holds a LINDI error of the expected kind whose message names the file.
   * Errors raised in tasks reach the driver as text inside Spark's message (Spark does not keep the
   * executor's exception as the cause), so the class is found by name there.
   */
  static void assertLindiError(Throwable t, String expectError, String fileName) {
    Class<? extends LindiException> type = expected(expectError);
    LindiException e = find(t, type);
    if (e != null) {
      assertTrue(e.getMessage().contains(fileName), "the error names the file " + fileName + ": " + e.getMessage());
      return;
    }
    String all = messages(t);
    Matcher m = LINDI_ERROR.matcher(all);
    while (m.find()) {
      if (type.isAssignableFrom(errorClass(m.group(1)))) {
        int end = all.indexOf('\n', m.end());
        String line = all.substring(m.start(), end < 0 ? all.length() : end);
        assertTrue(line.contains(fileName), "the error names the file " + fileName + ": " + line);
        return;
      }
    }
    fail("expected a " + type.getSimpleName() + " in:\n" + all);
  }

  private static final Pattern LINDI_ERROR = Pattern.compile("org\\.lindi\\.error\\.(\\w+): ");

  private static Class<?> errorClass(String simpleName) {
    try {
      return Class.forName("org.lindi.error." + simpleName);
    } catch (ClassNotFoundException x) {
      return Object.class;
    }
  }
}
