package org.lindi.spark.read;

import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.Or;
import org.lindi.spark.LindiSchemas;

/**
 * Translates Spark filters on the {@code time} column ({@code =}, {@code <}, {@code <=}, {@code >},
 * {@code >=}, {@code IN}, {@code BETWEEN} as two bounds, and AND/OR of them) into the exact
 * {@link TimeWindows} they accept; anything else (NaN or infinite literals, NOT, other columns)
 * is not translated and stays with Spark.
 */
public final class TimeFilters {
  /** Doubles hold every integer up to this exactly. */
  private static final long EXACT_LONG = 1L << 53;

  private TimeFilters() {}

  /** The times {@code filter} accepts, or null when it is not exactly a predicate on time. */
  public static TimeWindows translate(Filter filter) {
    if (filter instanceof And) {
      TimeWindows l = translate(((And) filter).left());
      TimeWindows r = translate(((And) filter).right());
      return l == null || r == null ? null : l.intersect(r);
    }
    if (filter instanceof Or) {
      TimeWindows l = translate(((Or) filter).left());
      TimeWindows r = translate(((Or) filter).right());
      return l == null || r == null ? null : l.union(r);
    }
    if (filter instanceof IsNotNull) {
      return isTime(((IsNotNull) filter).attribute()) ? TimeWindows.ALL : null;
    }
    Comparison c = Comparison.of(filter);
    if (c != null) {
      return compare(c.attribute(), c.value(), c.op());
    }
    if (filter instanceof In) {
      In in = (In) filter;
      if (!isTime(in.attribute())) {
        return null;
      }
      TimeWindows out = TimeWindows.NONE;
      for (Object v : in.values()) {
        if (v == null) {
          continue; // IN (..., NULL) never matches through the null
        }
        Double t = finite(v);
        if (t == null) {
          return null;
        }
        out = out.union(TimeWindows.point(t));
      }
      return out;
    }
    return null;
  }

  private static TimeWindows compare(String attribute, Object value, Comparison.Op op) {
    if (!isTime(attribute)) {
      return null;
    }
    Double t = finite(value);
    if (t == null) {
      return null;
    }
    double inf = Double.POSITIVE_INFINITY;
    switch (op) {
      case EQ:
        return TimeWindows.point(t);
      case LT:
        return TimeWindows.of(-inf, true, t, false);
      case LE:
        return TimeWindows.of(-inf, true, t, true);
      case GT:
        return TimeWindows.of(t, false, inf, true);
      default:
        return TimeWindows.of(t, true, inf, true);
    }
  }

  private static boolean isTime(String attribute) {
    return LindiSchemas.TIME.equals(attribute);
  }

  /** The literal as a finite double when that is exact; null otherwise (Spark keeps the filter). */
  private static Double finite(Object v) {
    double d;
    if (v instanceof Double || v instanceof Float) {
      d = ((Number) v).doubleValue();
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      d = ((Number) v).doubleValue();
    } else if (v instanceof Long && Math.abs((Long) v) <= EXACT_LONG) {
      d = ((Long) v).doubleValue();
    } else {
      return null;
    }
    return Double.isFinite(d) ? d : null;
  }
}
