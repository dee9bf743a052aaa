package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.junit.jupiter.api.Test;
import org.lindi.spark.read.IndexFilters;
import org.lindi.spark.read.IndexRanges;

/** Predicates on {@code index} become exact sets of row indices; others are left to Spark. */
class IndexRangesTest {
  private static IndexRanges t(Filter f) {
    return IndexFilters.translate(f);
  }

  @Test
  void comparisons() {
    assertEquals(IndexRanges.of(5, 6), t(new EqualTo("index", 5L)));
    assertEquals(IndexRanges.of(0, 5), t(new LessThan("index", 5L)));
    assertEquals(IndexRanges.of(0, 6), t(new LessThanOrEqual("index", 5L)));
    assertEquals(IndexRanges.atLeast(6), t(new GreaterThan("index", 5L)));
    assertEquals(IndexRanges.atLeast(5), t(new GreaterThanOrEqual("index", 5)));
    assertEquals(IndexRanges.NONE, t(new LessThan("index", -3L)));
    assertEquals(IndexRanges.ALL, t(new IsNotNull("index")));
  }

  @Test
  void betweenInAndOrNot() {
    Filter between = new And(new GreaterThanOrEqual("index", 10L), new LessThanOrEqual("index", 20L));
    assertEquals(IndexRanges.of(10, 21), t(between));
    IndexRanges in = t(new In("index", new Object[] {3L, 4L, 9L}));
    assertEquals(IndexRanges.of(3, 5).union(IndexRanges.of(9, 10)), in);
    assertEquals(2, in.size(), "3 and 4 merge into one range");
    assertEquals(IndexRanges.of(0, 10).union(IndexRanges.atLeast(21)), t(new Not(between)));
    assertEquals(IndexRanges.of(0, 2).union(IndexRanges.of(10, 21)),
        t(new Or(new LessThan("index", 2L), between)));
  }

  @Test
  void otherColumnsAndNonIntegersAreNotTranslated() {
    assertNull(t(new EqualTo("value", 5L)));
    assertNull(t(new LessThan("index", 5.5)));
    assertNull(t(new Or(new EqualTo("index", 1L), new EqualTo("value", 1L))));
    assertNull(t(new And(new EqualTo("index", 1L), new EqualTo("_file", "x"))));
  }

  @Test
  void counting() {
    IndexRanges r = IndexRanges.of(10, 20).union(IndexRanges.of(30, 40));
    assertEquals(5, r.count(15, 35 - 0) - 5);
    assertEquals(20, r.count(0, 100));
    assertTrue(r.intersects(19, 21));
    assertEquals(IndexRanges.NONE, r.intersect(IndexRanges.of(20, 30)));
    assertEquals("[10, 20), [30, 40)", r.toString());
  }
}
