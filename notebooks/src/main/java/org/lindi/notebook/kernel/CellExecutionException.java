package org.lindi.notebook.kernel;

import java.util.Arrays;
import java.util.List;

/**
 * A cell's code threw; the cause is the exception as thrown. This exception carries the cause's
 * stack trace without the kernel's frames (Jupyter's execute reply shows it), not its own.
 */
public final class CellExecutionException extends RuntimeException {

  /** Frames of the machinery that ran the cell: reflection, the cell thread, the kernel. */
  private static final List<String> MACHINERY = List.of(
      "jdk.internal.reflect.", "java.lang.reflect.Method.invoke", "java.util.concurrent.FutureTask",
      "java.lang.Thread.run", "org.lindi.notebook.kernel.");

  public CellExecutionException(Throwable cause) {
    super(cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    setStackTrace(Arrays.stream(cause.getStackTrace())
        .filter(frame -> !isMachinery(frame.toString()))
        .toArray(StackTraceElement[]::new));
  }

  /** Whether a stack trace line belongs to the machinery rather than to the cell or a library. */
  static boolean isMachinery(String frame) {
    return MACHINERY.stream().anyMatch(frame::contains);
  }
}
