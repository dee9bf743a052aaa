package org.lindi.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.DType;

/**
 * The fields of a compound dataset, from {@code _COMPOUND_DTYPE: [["x","int32"], ["y","float64"],
 * ["ref","<REFERENCE>"]]}; elements are json2 lists of field values.
 */
public final class CompoundType {
  /** One field: its name and dtype, or no dtype for an object reference. */
  public static final class Field {
    private final String name;
    private final DType dtype;

    public Field(String name, DType dtype) {
      this.name = Objects.requireNonNull(name);
      this.dtype = dtype;
    }

    public String name() {
      return name;
    }

    /** The field's dtype; null for a reference field. */
    public DType dtype() {
      return dtype;
    }

    public boolean isReference() {
      return dtype == null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Field && ((Field) o).name.equals(name) && Objects.equals(((Field) o).dtype, dtype);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, dtype);
    }

    @Override
    public String toString() {
      return name + ":" + (dtype == null ? "reference" : dtype.str());
    }
  }

  private final List<Field> fields;

  public CompoundType(List<Field> fields) {
    this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
  }

  /** Parses the {@code _COMPOUND_DTYPE} attribute. */
  public static CompoundType parse(JsonNode json) {
    if (json == null || !json.isArray()) {
      throw new LindiFormatException("_COMPOUND_DTYPE must be a list of [name, dtype] pairs: " + json);
    }
    List<Field> fields = new ArrayList<>();
    for (JsonNode f : json) {
      if (!f.isArray() || f.size() != 2 || !f.get(0).isTextual() || !f.get(1).isTextual()) {
        throw new LindiFormatException("_COMPOUND_DTYPE field must be [name, dtype]: " + f);
      }
      String type = f.get(1).textValue();
      fields.add(new Field(f.get(0).textValue(), type.equals("<REFERENCE>") ? null : DType.parse(type)));
    }
    return new CompoundType(fields);
  }

  public List<Field> fields() {
    return fields;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompoundType && ((CompoundType) o).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "CompoundType" + fields;
  }
}
