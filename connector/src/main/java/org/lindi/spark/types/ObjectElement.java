package org.lindi.spark.types;

import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.unsafe.types.UTF8String;
import org.lindi.tree.Reference;

/**
 * Elements of {@code |O} arrays: STRING for {@code json2} and {@code vlen-utf8} (strings as they are,
 * references as their target path, other JSON values as JSON text), BINARY for {@code vlen-bytes}.
 */
final class ObjectElement extends ElementType {
  private final String codecId;
  private final boolean binary;

  ObjectElement(String codecId) {
    this.codecId = codecId;
    this.binary = "vlen-bytes".equals(codecId);
  }

  @Override
  public DataType sparkType() {
    return binary ? DataTypes.BinaryType : DataTypes.StringType;
  }

  @Override
  public Metadata metadata() {
    MetadataBuilder b = new MetadataBuilder().putString("numpy_dtype", "|O");
    if (codecId != null) {
      b.putString("object_codec", codecId);
    }
    return b.build();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean isObject() {
    return true;
  }

  @Override
  public int itemSize() {
    return 16;
  }

  @Override
  public Object fromObject(Object element) {
    return convert(element, binary);
  }

  /** The STRING (or BINARY) value of one decoded object. */
  static Object convert(Object element, boolean binary) {
    if (element == null) {
      return null;
    }
    if (binary) {
      return element instanceof byte[] ? element : text(element).getBytes(StandardCharsets.UTF_8);
    }
    if (element instanceof byte[]) {
      return UTF8String.fromBytes((byte[]) element);
    }
    return UTF8String.fromString(text(element));
  }

  private static String text(Object element) {
    if (element instanceof Reference) {
      return ((Reference) element).path();
    }
    if (element instanceof byte[]) {
      return new String((byte[]) element, StandardCharsets.UTF_8);
    }
    return element.toString();
  }

  @Override
  public String toString() {
    return "|O (" + codecId + ") as " + sparkType().simpleString();
  }
}
