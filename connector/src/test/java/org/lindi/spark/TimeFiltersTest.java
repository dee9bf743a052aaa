package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.spark.read.TimeFilters;
import org.lindi.spark.read.TimeWindows;

/** Spark filters on {@code time} become exact time windows; what cannot be exact stays with Spark. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TimeFiltersTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void comparisonsAndTheirCombinations() {
    assertEquals(TimeWindows.of(0.1, true, 0.2, false),
        TimeFilters.translate(new And(new GreaterThanOrEqual("time", 0.1), new LessThan("time", 0.2))));
    assertEquals(TimeWindows.of(0.1, false, 0.2, true),
        TimeFilters.translate(new And(new GreaterThan("time", 0.1), new LessThanOrEqual("time", 0.2))));
    assertEquals(TimeWindows.point(3.0), TimeFilters.translate(new EqualTo("time", 3)));
    assertEquals(TimeWindows.point(1.0).union(TimeWindows.point(2.5)),
        TimeFilters.translate(new In("time", new Object[] {1.0, null, 2.5})));
    assertEquals(TimeWindows.of(-INF, true, 1.0, false).union(TimeWindows.of(2.0, false, INF, true)),
        TimeFilters.translate(new Or(new LessThan("time", 1.0), new GreaterThan("time", 2.0))));
  }

  @Test
  void emptyIntersectionsSelectNothing() {
    assertEquals(TimeWindows.NONE,
        TimeFilters.translate(new And(new GreaterThanOrEqual("time", 0.2), new LessThan("time", 0.2))));
    assertEquals(TimeWindows.point(0.2),
        TimeFilters.translate(new And(new GreaterThanOrEqual("time", 0.2), new LessThanOrEqual("time", 0.2))));
  }

  @Test
  void whatCannotBeExactStaysWithSpark() {
    Filter[] kept = {
        new LessThan("time", Double.NaN), new GreaterThan("time", INF), new Not(new LessThan("time", 1.0)),
        new LessThan("index", 5L), new Or(new LessThan("time", 1.0), new LessThan("index", 5L)),
        new EqualTo("time", "1.0"), new EqualTo("time", Long.MAX_VALUE)};
    for (Filter f : kept) {
      assertNull(TimeFilters.translate(f), f.toString());
    }
  }
}
