package org.lindi.notebook.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * JShell execution in the kernel's own JVM that keeps the last snippet's value and exception as
 * objects: JShell itself only hands back their strings, and a chart must reach the renderer whole.
 */
final class CapturingExecutionControl extends DirectExecutionControl {

  private volatile Thread running;
  private Object lastValue;
  private Throwable lastThrown;

  /** Runs the snippet on its own thread so that an interrupt request can reach it. */
  @Override
  protected String invoke(Method doit) throws Exception {
    lastValue = null;
    lastThrown = null;
    FutureTask<Object> task = new FutureTask<>(() -> doit.invoke(null));
    Thread thread = new Thread(task, "cell");
    thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
    running = thread;
    thread.start();
    try {
      lastValue = task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvocationTargetException ite && ite.getCause() != null) {
        lastThrown = ite.getCause();
      } else {
        lastThrown = cause;
      }
      // JShell turns this into the snippet's EvalException; the original is kept in lastThrown
      throw cause instanceof Exception ex ? ex : new InvocationTargetException(cause);
    } finally {
      running = null;
    }
    // the evaluator reads lastValue(); JShell's string of it would only cost a toString()
    return "";
  }

  /** Interrupts the running snippet (a cell loop that checks for interrupts, a Spark job wait). */
  @Override
  public void stop() {
    Thread thread = running;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** The value the last snippet returned (null for statements). */
  Object lastValue() {
    return lastValue;
  }

  /** What the last snippet threw, as thrown. */
  Throwable lastThrown() {
    return lastThrown;
  }
}
