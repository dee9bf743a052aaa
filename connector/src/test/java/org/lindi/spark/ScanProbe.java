package org.lindi.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.lindi.spark.read.LindiScan;
import scala.jdk.javaapi.CollectionConverters;

/** The LINDI scan of an executed query: what it planned, and its metrics after running. */
final class ScanProbe {
  private final BatchScanExec exec;

  private ScanProbe(BatchScanExec exec) {
    this.exec = exec;
  }

  /** The (first) LINDI scan of {@code df}'s executed plan; run the query first for metrics. */
  static ScanProbe of(Dataset<?> df) {
    Deque<SparkPlan> todo = new ArrayDeque<>();
    todo.push(df.queryExecution().executedPlan());
    while (!todo.isEmpty()) {
      SparkPlan p = todo.pop();
      if (p instanceof BatchScanExec && ((BatchScanExec) p).scan() instanceof LindiScan) {
        return new ScanProbe((BatchScanExec) p);
      }
      if (p instanceof AdaptiveSparkPlanExec) {
        todo.push(((AdaptiveSparkPlanExec) p).executedPlan());
      }
      if (p instanceof QueryStageExec) {
        todo.push(((QueryStageExec) p).plan());
      }
      for (SparkPlan c : CollectionConverters.asJava(p.children())) {
        todo.push(c);
      }
    }
    throw new AssertionError("no lindi scan in\n" + df.queryExecution().executedPlan());
  }

  LindiScan scan() {
    return (LindiScan) exec.scan();
  }

  /** The value of custom metric {@code name} (see {@code ReadMetrics}). */
  long metric(String name) {
    return exec.metrics().apply(name).value();
  }

  int partitions() {
    return scan().planInputPartitions().length;
  }
}
