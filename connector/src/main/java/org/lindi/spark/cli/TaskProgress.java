package org.lindi.spark.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A one-line progress bar of the Spark tasks of the current step, redrawn in place on a terminal
 * (at most every 200 ms); silent when the output is not a terminal.
 */
final class TaskProgress extends SparkListener {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean enabled;
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private volatile long started = System.nanoTime();
  private volatile long lastDrawn;
  private volatile boolean drawn;

  TaskProgress(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  /** Starts counting for a new step. */
  void reset() {
    total.set(0);
    done.set(0);
    started = System.nanoTime();
    drawn = false;
  }

  /** Erases the bar (call before printing the step's result). */
  synchronized void clear() {
    if (drawn) {
      out.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      out.flush();
      drawn = false;
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    total.addAndGet(event.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    int d = done.incrementAndGet();
    long now = System.nanoTime();
    if (enabled && now - lastDrawn > 200_000_000L) {
      lastDrawn = now;
      draw(d, total.get(), (now - started) / 1e9);
    }
  }

  /** The bar for {@code done} of {@code total} tasks after {@code seconds}. */
  static String bar(int done, int total, double seconds) {
    int t = Math.max(total, done);
    int filled = t == 0 ? 0 : (int) ((long) WIDTH * done / t);
    return String.format(Locale.ROOT, "      [%s%s] %d/%d tasks  %.1f s", "#".repeat(filled), ".".repeat(WIDTH - filled),
        done, t, seconds);
  }

  private synchronized void draw(int d, int t, double seconds) {
    out.print("\r" + bar(d, t, seconds));
    out.flush();
    drawn = true;
  }
}
