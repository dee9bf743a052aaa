package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.aggregate.Max;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.spark.read.CountAggregate;

/**
 * Which aggregations are row counts the rows layout answers from shapes (Spark itself turns COUNT of a
 * non-nullable column into COUNT(*), so these are checked on the translated aggregation directly).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CountAggregateTest {
  private static final StructType COLUMNS = new StructType()
      .add("index", DataTypes.LongType, false)
      .add("value", DataTypes.StringType, true)
      .add("_file", DataTypes.StringType, false);
  private static final Expression[] NONE = new Expression[0];

  private static CountAggregate of(Expression[] groupBy, AggregateFunc... functions) {
    return CountAggregate.of(new Aggregation(functions, groupBy), COLUMNS);
  }

  private static Count count(String column, boolean distinct) {
    return new Count(Expressions.column(column), distinct);
  }

  @Test
  void countsOfEveryRowArePushed() {
    CountAggregate c = of(NONE, new CountStar(), count("index", false), count("_file", false));
    assertNotNull(c);
    assertEquals(3, c.counts());
    assertEquals(new StructType().add("COUNT(*)", DataTypes.LongType, false)
        .add("COUNT(index)", DataTypes.LongType, false).add("COUNT(_file)", DataTypes.LongType, false), c.schema());
  }

  @Test
  void groupByFileAddsTheFileColumn() {
    CountAggregate c = of(new Expression[] {Expressions.column("_file")}, new CountStar());
    assertNotNull(c);
    assertEquals(new StructType().add("_file", DataTypes.StringType, false).add("COUNT(*)", DataTypes.LongType, false),
        c.schema());
    assertEquals("COUNT(*) GROUP BY _file", c.toString());
  }

  @Test
  void anythingElseIsNotPushed() {
    assertNull(of(NONE, count("value", false)), "a nullable column: nulls are not counted");
    assertNull(of(NONE, count("index", true)), "DISTINCT");
    assertNull(of(NONE, count("nope", false)), "an unknown column");
    assertNull(of(NONE, new CountStar(), new Max(Expressions.column("index"))), "another function");
    assertNull(of(new Expression[] {Expressions.column("index")}, new CountStar()), "another grouping");
    assertNull(of(new Expression[] {Expressions.column("_file"), Expressions.column("index")}, new CountStar()));
    assertNull(of(NONE), "no function");
  }
}
