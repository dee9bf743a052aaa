package org.lindi.spark.read;

import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.lindi.spark.types.ElementType;

/**
 * Spark values of decoded elements for the row-based readers: one element, or a C-order box of
 * them as nested arrays.
 */
final class ElementValues {
  private final ElementType element;

  ElementValues(ElementType element) {
    this.element = element;
  }

  /** Element {@code e} of decoded bytes or objects. */
  Object element(byte[] bytes, int byteOffset, int itemSize, Object[] objects, int e) {
    return objects != null ? element.fromObject(objects[e]) : element.fromBytes(bytes, byteOffset + e * itemSize);
  }

  /**
   * The box of {@code dims[from..]} elements starting at element {@code e}, as nested arrays
   * ({@code from == dims.length} gives the element itself).
   */
  Object box(byte[] bytes, int byteOffset, int itemSize, Object[] objects, int e, long[] dims, int from) {
    if (from >= dims.length) {
      return element(bytes, byteOffset, itemSize, objects, e);
    }
    int len = (int) dims[from];
    int stride = 1;
    for (int k = from + 1; k < dims.length; k++) {
      stride *= (int) dims[k];
    }
    Object[] out = new Object[len];
    for (int i = 0; i < len; i++) {
      out[i] = box(bytes, byteOffset, itemSize, objects, e + i * stride, dims, from + 1);
    }
    return new GenericArrayData(out);
  }
}
