package org.lindi.nwb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.lindi.ArrayData;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.tree.Reference;
import org.lindi.zarr.DType;

/**
 * Turns elements a column read into the Java values {@link ColumnKind} promises: one boxed value
 * per scalar element, one primitive array (or {@code Object[]}) per run of elements.
 */
final class ColumnValues {
  private final Column column;
  private final ArrayData data;
  private final ErrorContext where;

  ColumnValues(Column column, ArrayData data, ErrorContext where) {
    this.column = column;
    this.data = data;
    this.where = where;
  }

  /** The kind an element of the data array has; {@code first} is its first element, or null. */
  static ColumnKind kindOf(DType dtype, boolean compound, Object first) {
    if (compound) {
      return ColumnKind.COMPOUND;
    }
    switch (dtype.kind()) {
      case BOOL:
        return ColumnKind.BOOLEAN;
      case INT:
      case UINT:
        return ColumnKind.INTEGER;
      case FLOAT:
        return ColumnKind.FLOAT;
      case COMPLEX:
        return ColumnKind.COMPLEX;
      case BYTES:
      case UNICODE:
        return ColumnKind.STRING;
      case DATETIME:
      case TIMEDELTA:
        return ColumnKind.DATETIME;
      case OBJECT:
        // json2 and vlen datasets carry no element type in their metadata: the values tell
        if (first instanceof Reference) {
          return ColumnKind.REFERENCE;
        }
        if (first instanceof Long || first instanceof BigInteger) {
          return ColumnKind.INTEGER;
        }
        if (first instanceof Double) {
          return ColumnKind.FLOAT;
        }
        if (first instanceof Boolean) {
          return ColumnKind.BOOLEAN;
        }
        return ColumnKind.STRING;
      default:
        return null;
    }
  }

  /** Element {@code i} as one boxed value. */
  Object scalar(int i) {
    Object[] objects = data.objects();
    if (objects == null) {
      return column.kind() == ColumnKind.STRING ? data.getString(i) : data.get(i);
    }
    return object(objects[i], i);
  }

  /** Elements {@code [from, to)} as the primitive array of the column's kind. */
  Object run(int from, int to) {
    int n = to - from;
    switch (column.kind()) {
      case BOOLEAN: {
        boolean[] out = new boolean[n];
        for (int k = 0; k < n; k++) {
          out[k] = (Boolean) present(from + k);
        }
        return out;
      }
      case INTEGER:
      case DATETIME: {
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
          out[k] = longAt(from + k);
        }
        return out;
      }
      case FLOAT: {
        double[] out = new double[n];
        boolean stored = data.objects() == null;
        for (int k = 0; k < n; k++) {
          out[k] = stored ? data.getDouble(from + k) : (Double) present(from + k);
        }
        return out;
      }
      default: {
        Object[] out = new Object[n];
        for (int k = 0; k < n; k++) {
          out[k] = scalar(from + k);
        }
        return out;
      }
    }
  }

  private long longAt(int i) {
    Object v = present(i);
    return v instanceof BigInteger ? ((BigInteger) v).longValue() : (Long) v;
  }

  /** Element {@code i}, which must not be null (it goes into a primitive array). */
  private Object present(int i) {
    Object v = scalar(i);
    if (v == null) {
      throw new LindiFormatException("column '" + column.name() + "' holds " + column.kind()
          + " values, but element " + i + " of this read is null", where);
    }
    return v;
  }

  private Object object(Object v, int i) {
    if (v == null) {
      return null;
    }
    switch (column.kind()) {
      case STRING:
        return v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8)
            : v instanceof Reference ? ((Reference) v).path() : v.toString();
      case REFERENCE:
        return ((Reference) expect(v, Reference.class, i)).path();
      case INTEGER:
        return v instanceof BigInteger ? v : expect(v, Long.class, i);
      case FLOAT:
        return v instanceof Long ? (Double) (double) (Long) v : expect(v, Double.class, i);
      case BOOLEAN:
        return expect(v, Boolean.class, i);
      case COMPOUND:
        Object[] fields = ((Object[]) expect(v, Object[].class, i)).clone();
        for (int f = 0; f < fields.length; f++) {
          fields[f] = fields[f] instanceof Reference ? ((Reference) fields[f]).path()
              : fields[f] instanceof JsonNode ? fields[f].toString() : fields[f];
        }
        return fields;
      default:
        return v;
    }
  }

  private Object expect(Object v, Class<?> type, int i) {
    if (!type.isInstance(v)) {
      throw new LindiFormatException("column '" + column.name() + "' holds " + column.kind()
          + " values, but element " + i + " of this read is " + v.getClass().getSimpleName() + " " + v, where);
    }
    return v;
  }
}
