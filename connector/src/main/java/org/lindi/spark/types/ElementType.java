package org.lindi.spark.types;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.tree.CompoundType;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/**
 * How the elements of one array appear in Spark (SPEC section 6): their Spark type, and the
 * conversion of decoded elements (little-endian bytes, or objects for {@code |O} arrays) into Spark
 * values, one at a time for rows or in bulk into column vectors.
 */
public abstract class ElementType {
  /** The element type of an array with this metadata and (for compound datasets) field list. */
  public static ElementType of(ArrayMetadata meta, CompoundType compound) {
    DType dtype = meta.dtype();
    if (compound != null) {
      return new CompoundElement(compound);
    }
    switch (dtype.kind()) {
      case BYTES:
      case UNICODE:
        return new FixedStringElement(dtype);
      case OBJECT:
        return new ObjectElement(objectCodecId(meta));
      case VOID:
        throw new UnsupportedFeatureException("dtype " + dtype + " (raw bytes) has no Spark type yet");
      default:
        return NumericElement.of(dtype);
    }
  }

  /** The id of the object codec (the first filter) of an {@code |O} array, or null. */
  private static String objectCodecId(ArrayMetadata meta) {
    if (meta.filters().isEmpty()) {
      return null;
    }
    JsonNode id = meta.filters().get(0).get("id");
    return id == null ? null : id.asText();
  }

  /** The Spark type of one element. */
  public abstract DataType sparkType();

  /** Facts kept in the {@code value} field's metadata (the numpy dtype, a datetime unit). */
  public Metadata metadata() {
    return Metadata.empty();
  }

  /** True when elements may be null (object arrays); numbers never are. */
  public boolean nullable() {
    return false;
  }

  /** True when {@link #putAll} fills column vectors straight from decoded bytes. */
  public boolean isColumnar() {
    return false;
  }

  /** True when decoded chunks are objects rather than bytes. */
  public boolean isObject() {
    return false;
  }

  /** Bytes per decoded element; an estimate for object arrays. */
  public abstract int itemSize();

  /** The Spark value of the element at byte {@code offset} of {@code src}. */
  public Object fromBytes(byte[] src, int offset) {
    throw new IllegalStateException(this + " elements are objects, not bytes");
  }

  /** The Spark value of an element an object codec decoded (after LINDI's interpretation). */
  public Object fromObject(Object element) {
    throw new IllegalStateException(this + " elements are bytes, not objects");
  }

  /** Puts {@code count} elements from byte {@code srcOffset} of {@code src} at {@code rowId} on. */
  public void putAll(WritableColumnVector vector, int rowId, byte[] src, int srcOffset, int count) {
    throw new IllegalStateException(this + " elements are not filled column-wise");
  }
}
