package org.lindi.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.lindi.spark.read.LindiScan;
import org.lindi.spark.read.ReadMetrics;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Bytes a query read from storage: the LINDI scan's {@code lindiBytesFetched} metric of the last
 * executed query (writes included), and Spark's task input bytes (what Parquet reports).
 */
final class ScanBytes extends SparkListener implements QueryExecutionListener {
  private volatile QueryExecution last;
  private long inputBytes;

  @Override
  public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
    last = qe;
  }

  @Override
  public void onFailure(String funcName, QueryExecution qe, Exception exception) {
    last = qe;
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null) {
      inputBytes += end.taskMetrics().inputMetrics().bytesRead();
    }
  }

  synchronized long inputBytes() {
    return inputBytes;
  }

  /** The last query's lindi bytes fetched, or -1 when it had no LINDI scan (or none was seen yet). */
  long lindiBytesFetched() {
    QueryExecution qe = last;
    if (qe == null) {
      return -1;
    }
    Deque<SparkPlan> todo = new ArrayDeque<>();
    todo.push(qe.executedPlan());
    long sum = -1;
    while (!todo.isEmpty()) {
      SparkPlan p = todo.pop();
      if (p instanceof BatchScanExec b && b.scan() instanceof LindiScan) {
        sum = Math.max(sum, 0) + b.metrics().apply(ReadMetrics.BYTES_FETCHED).value();
      }
      if (p instanceof AdaptiveSparkPlanExec a) {
        todo.push(a.executedPlan());
      }
      if (p instanceof QueryStageExec q) {
        todo.push(q.plan());
      }
      for (SparkPlan c : CollectionConverters.asJava(p.children())) {
        todo.push(c);
      }
    }
    return sum;
  }

  void forget() {
    last = null;
  }
}
