package org.lindi.nwb;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.lindi.zarr.DType;

/**
 * One column of an NWB DynamicTable, as a small serialisable description: its name, the path of
 * its data array, its element kind and dtype, the shape of one element, and whether it is ragged
 * (a {@code <name>_index} VectorIndex: row r holds data[index[r-1] : index[r]], index[-1] = 0) or
 * a DynamicTableRegion (row indices into the table its {@code table} reference names). Immutable.
 */
public final class Column implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String dataPath;
  private final String indexPath;
  private final ColumnKind kind;
  private final String dtype;
  private final long[] elementShape;
  private final String regionTable;

  Column(String name, String dataPath, String indexPath, ColumnKind kind, DType dtype,
      long[] elementShape, String regionTable) {
    this.name = Objects.requireNonNull(name);
    this.dataPath = Objects.requireNonNull(dataPath);
    this.indexPath = indexPath;
    this.kind = Objects.requireNonNull(kind);
    this.dtype = dtype.str();
    this.elementShape = elementShape.clone();
    this.regionTable = regionTable;
  }

  /** The column name as {@code colnames} lists it ({@code id} for the row identifiers). */
  public String name() {
    return name;
  }

  /** Path of the data array (VectorData), no leading {@code /}; soft links already followed. */
  public String dataPath() {
    return dataPath;
  }

  /** Path of the VectorIndex array of a ragged column, or null. */
  public String indexPath() {
    return indexPath;
  }

  public boolean isRagged() {
    return indexPath != null;
  }

  public ColumnKind kind() {
    return kind;
  }

  /** The data array's stored dtype ({@code |O} for json2 strings, references and compounds). */
  public DType dtype() {
    return DType.parse(dtype);
  }

  /**
   * The shape of one element of the data array (its shape without axis 0): {@code []} for one
   * value per data position. A row of a ragged column holds several such elements.
   */
  public long[] elementShape() {
    return elementShape.clone();
  }

  /** Values per data position: the product of {@link #elementShape()}. */
  public long elementSize() {
    long n = 1;
    for (long d : elementShape) {
      n *= d;
    }
    return n;
  }

  /** True when a row's value is an array: ragged, or elements of more than one value. */
  public boolean isArrayValued() {
    return indexPath != null || elementShape.length > 0;
  }

  /** True for a DynamicTableRegion: values are row indices into {@link #regionTable()}. */
  public boolean isRegion() {
    return regionTable != null;
  }

  /** The target path of a DynamicTableRegion's {@code table} reference (e.g. {@code /units}), or null. */
  public String regionTable() {
    return regionTable;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Column)) {
      return false;
    }
    Column c = (Column) o;
    return name.equals(c.name) && dataPath.equals(c.dataPath) && Objects.equals(indexPath, c.indexPath)
        && kind == c.kind && dtype.equals(c.dtype) && Arrays.equals(elementShape, c.elementShape)
        && Objects.equals(regionTable, c.regionTable);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dataPath, indexPath, kind, dtype, regionTable) * 31 + Arrays.hashCode(elementShape);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Column{").append(name).append(' ').append(kind).append(' ')
        .append(dtype);
    if (elementShape.length > 0) {
      sb.append(" element ").append(Arrays.toString(elementShape));
    }
    sb.append(", data=/").append(dataPath);
    if (indexPath != null) {
      sb.append(", ragged by /").append(indexPath);
    }
    if (regionTable != null) {
      sb.append(", region of ").append(regionTable);
    }
    return sb.append('}').toString();
  }
}
