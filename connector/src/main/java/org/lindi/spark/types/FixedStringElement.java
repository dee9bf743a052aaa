package org.lindi.spark.types;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.unsafe.types.UTF8String;
import org.lindi.zarr.DType;

/**
 * Fixed-width strings as STRING: {@code |S<n>} bytes read as UTF-8 and {@code <U<n>} UTF-32 code
 * points, both without numpy's trailing NUL padding.
 */
final class FixedStringElement extends ElementType {
  private static final Charset UTF32LE = Charset.forName("UTF-32LE");

  private final DType dtype;
  private final boolean unicode;
  private final int size;

  FixedStringElement(DType dtype) {
    this.dtype = dtype;
    this.unicode = dtype.kind() == DType.Kind.UNICODE;
    this.size = dtype.itemSize();
  }

  @Override
  public DataType sparkType() {
    return DataTypes.StringType;
  }

  @Override
  public Metadata metadata() {
    return new MetadataBuilder().putString("numpy_dtype", dtype.str()).build();
  }

  @Override
  public int itemSize() {
    return size;
  }

  @Override
  public Object fromBytes(byte[] b, int o) {
    int end = size;
    if (unicode) {
      while (end >= 4 && b[o + end - 1] == 0 && b[o + end - 2] == 0 && b[o + end - 3] == 0
          && b[o + end - 4] == 0) {
        end -= 4;
      }
      return UTF8String.fromString(new String(b, o, end, UTF32LE));
    }
    while (end > 0 && b[o + end - 1] == 0) {
      end--;
    }
    return UTF8String.fromString(new String(b, o, end, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return dtype + " as string";
  }
}
