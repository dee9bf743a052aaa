package org.lindi.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.spark.SharedSpark;

/** The demo's progress bar counts the finished Spark tasks of a step; the spike summary adds channels up. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TaskProgressTest {
  @Test
  void theBarShowsTasksDoneOfAll() {
    assertEquals("      [###############...............] 3/6 tasks  1.5 s", TaskProgress.bar(3, 6, 1.5));
    assertEquals("      [..............................] 0/0 tasks  0.0 s", TaskProgress.bar(0, 0, 0));
  }

  @Test
  void aJobDrawsTheBarOnATerminalAndNothingOtherwise() throws InterruptedException {
    SparkSession spark = SharedSpark.session();
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    ByteArrayOutputStream hidden = new ByteArrayOutputStream();
    TaskProgress on = new TaskProgress(new PrintStream(shown, true, StandardCharsets.UTF_8), true);
    TaskProgress off = new TaskProgress(new PrintStream(hidden, true, StandardCharsets.UTF_8), false);
    spark.sparkContext().addSparkListener(on);
    spark.sparkContext().addSparkListener(off);
    try {
      on.reset();
      spark.range(0, 1000, 1, 4).selectExpr("sum(id)").collectAsList();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (shown.size() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50); // listener events arrive on Spark's listener bus thread
      }
      String text = shown.toString(StandardCharsets.UTF_8);
      assertTrue(text.startsWith("\r      [") && text.contains("tasks"), text);
      on.clear();
      assertTrue(shown.toString(StandardCharsets.UTF_8).endsWith("\r"), "the bar is erased");
      assertEquals(0, hidden.size());
    } finally {
      spark.sparkContext().removeSparkListener(on);
      spark.sparkContext().removeSparkListener(off);
    }
  }

  @Test
  void theSummaryComparesChannelsWithAUnitAndWithout() {
    String s = SpikeReport.summary(new long[] {10, 1, 0, 98}, new long[] {10, 0, 0, 100});
    assertEquals("spikes: 108 crossings on the 2 channels with a unit, the units table lists 110 (98.18%); "
        + "1 crossing(s) on the 2 channels without", s);
  }
}
