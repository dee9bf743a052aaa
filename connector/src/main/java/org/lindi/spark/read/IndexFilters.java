package org.lindi.spark.read;

import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.lindi.spark.LindiSchemas;

/**
 * Translates Spark filters on the {@code index} column ({@code =}, {@code <}, {@code <=}, {@code >},
 * {@code >=}, {@code IN}, {@code BETWEEN} as two bounds, {@code NOT}, and AND/OR of them) into the
 * exact set of indices they accept; anything else is not translated and stays with Spark.
 */
public final class IndexFilters {
  private IndexFilters() {}

  /** The indices {@code filter} accepts, or null when it is not exactly a predicate on index. */
  public static IndexRanges translate(Filter filter) {
    if (filter instanceof And) {
      IndexRanges l = translate(((And) filter).left());
      IndexRanges r = translate(((And) filter).right());
      return l == null || r == null ? null : l.intersect(r);
    }
    if (filter instanceof Or) {
      IndexRanges l = translate(((Or) filter).left());
      IndexRanges r = translate(((Or) filter).right());
      return l == null || r == null ? null : l.union(r);
    }
    if (filter instanceof Not) {
      IndexRanges c = translate(((Not) filter).child());
      return c == null ? null : c.complement();
    }
    if (filter instanceof IsNotNull) {
      return isIndex(((IsNotNull) filter).attribute()) ? IndexRanges.ALL : null;
    }
    if (filter instanceof IsNull) {
      return isIndex(((IsNull) filter).attribute()) ? IndexRanges.NONE : null;
    }
    Comparison c = Comparison.of(filter);
    if (c != null) {
      return compare(c.attribute(), c.value(), c.op());
    }
    if (filter instanceof In) {
      In in = (In) filter;
      if (!isIndex(in.attribute())) {
        return null;
      }
      IndexRanges out = IndexRanges.NONE;
      for (Object v : in.values()) {
        Long x = integral(v);
        if (x == null) {
          if (v == null) {
            continue; // IN (..., NULL) never matches through the null
          }
          return null;
        }
        out = out.union(IndexRanges.point(x));
      }
      return out;
    }
    return null;
  }

  private static IndexRanges compare(String attribute, Object value, Comparison.Op op) {
    if (!isIndex(attribute)) {
      return null;
    }
    Long v = integral(value);
    if (v == null) {
      return null;
    }
    switch (op) {
      case EQ:
        return IndexRanges.point(v);
      case LT:
        return IndexRanges.of(0, v);
      case LE:
        return IndexRanges.atMost(v);
      case GT:
        return v == Long.MAX_VALUE ? IndexRanges.NONE : IndexRanges.atLeast(v + 1);
      default:
        return IndexRanges.atLeast(v);
    }
  }

  private static boolean isIndex(String attribute) {
    return LindiSchemas.INDEX.equals(attribute);
  }

  private static Long integral(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    return null;
  }
}
