package org.lindi.spark.read;

import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;

/**
 * A Spark comparison filter ({@code =}, {@code <=>}, {@code <}, {@code <=}, {@code >}, {@code >=})
 * as attribute, operator and literal, so the index and time translators share one reading of them.
 */
final class Comparison {
  /** The comparison operator ({@code <=>} reads as {@code =}: the literal is never null here). */
  enum Op {
    EQ, LT, LE, GT, GE
  }

  private final String attribute;
  private final Op op;
  private final Object value;

  private Comparison(String attribute, Op op, Object value) {
    this.attribute = attribute;
    this.op = op;
    this.value = value;
  }

  /** The comparison {@code filter} is, or null when it is another kind of filter. */
  static Comparison of(Filter filter) {
    if (filter instanceof EqualTo) {
      return new Comparison(((EqualTo) filter).attribute(), Op.EQ, ((EqualTo) filter).value());
    }
    if (filter instanceof EqualNullSafe) {
      return new Comparison(((EqualNullSafe) filter).attribute(), Op.EQ, ((EqualNullSafe) filter).value());
    }
    if (filter instanceof LessThan) {
      return new Comparison(((LessThan) filter).attribute(), Op.LT, ((LessThan) filter).value());
    }
    if (filter instanceof LessThanOrEqual) {
      return new Comparison(((LessThanOrEqual) filter).attribute(), Op.LE, ((LessThanOrEqual) filter).value());
    }
    if (filter instanceof GreaterThan) {
      return new Comparison(((GreaterThan) filter).attribute(), Op.GT, ((GreaterThan) filter).value());
    }
    if (filter instanceof GreaterThanOrEqual) {
      return new Comparison(((GreaterThanOrEqual) filter).attribute(), Op.GE,
          ((GreaterThanOrEqual) filter).value());
    }
    return null;
  }

  String attribute() {
    return attribute;
  }

  Op op() {
    return op;
  }

  Object value() {
    return value;
  }

  @Override
  public String toString() {
    return attribute + " " + op + " " + value;
  }
}
