package org.lindi.nwb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lindi.ArrayData;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.tree.NodeInfo;
import org.lindi.tree.NodeKind;
import org.lindi.tree.NodeTree;
import org.lindi.tree.Reference;
import org.lindi.zarr.DType;

/**
 * An NWB (hdmf-common) DynamicTable group such as {@code units}, {@code intervals/trials} or
 * {@code general/extracellular_ephys/electrodes}: one row per {@code id}, the columns {@code id}
 * then {@code colnames} in order, and reads of a range of rows that fetch only the part of each
 * data array those rows use. Thread safe.
 */
public final class DynamicTable {
  private static final String COLNAMES = "colnames";
  private static final String ID = "id";
  private static final String INDEX_SUFFIX = "_index";
  private static final String TABLE = "table";

  private final LindiFile file;
  private final String path;
  private final long rows;
  private final List<Column> columns;
  private final Map<String, LindiArray> arrays;

  private DynamicTable(LindiFile file, String path, long rows, List<Column> columns, Map<String, LindiArray> arrays) {
    this.file = file;
    this.path = path;
    this.rows = rows;
    this.columns = Collections.unmodifiableList(columns);
    this.arrays = arrays;
  }

  /**
   * The DynamicTable at {@code groupPath}; a {@link LindiFormatException} naming the file and path
   * when the group has no {@code colnames} attribute or no {@code id} dataset, or a column does
   * not fit (missing, wrong length, index not 1-D integers); an
   * {@link UnsupportedFeatureException} for doubly ragged columns ({@code <name>_index_index}).
   * Reads the first element of each {@code |O} column (its metadata does not say what it holds).
   */
  public static DynamicTable of(LindiFile file, String groupPath) {
    String asked = NodeTree.normalize(groupPath);
    NodeInfo group = file.tree().resolve(asked);
    if (group == null || group.kind() != NodeKind.GROUP) {
      throw new LindiFormatException("/" + asked + " is not an NWB DynamicTable: "
          + (group == null ? "no such group" : "it is an array"),
          ErrorContext.ofFile(file.location()).withKey(attrsKey(asked)));
    }
    String path = group.path(); // a soft link's target: its children are the table's datasets
    ErrorContext where = ErrorContext.ofFile(file.location()).withKey(attrsKey(path));
    List<String> names = colnames(group, path, where);
    LindiArray id = arrayAt(file, child(path, ID));
    if (id == null) {
      throw new LindiFormatException("/" + path + " is not an NWB DynamicTable: no '" + ID + "' dataset", where);
    }
    long rows = checkedIndexLike(id, "id", where).shape()[0];
    Map<String, LindiArray> arrays = new HashMap<>();
    List<Column> columns = new ArrayList<>();
    columns.add(describe(file, path, ID, id, null, rows, arrays));
    for (String name : names) {
      LindiArray data = arrayAt(file, child(path, name));
      if (data == null) {
        throw new LindiFormatException("column '" + name + "' of /" + path + " is listed in colnames but /"
            + child(path, name) + " is no dataset", where);
      }
      String indexName = name + INDEX_SUFFIX;
      if (arrayAt(file, child(path, indexName + INDEX_SUFFIX)) != null) {
        throw new UnsupportedFeatureException("column '" + name + "' of /" + path
            + " is doubly ragged (" + indexName + INDEX_SUFFIX + "); only one level of VectorIndex is supported",
            where);
      }
      LindiArray index = arrayAt(file, child(path, indexName));
      columns.add(describe(file, path, name, data, index, rows, arrays));
    }
    return new DynamicTable(file, path, rows, columns, arrays);
  }

  /** True when {@code path} is a group with a {@code colnames} attribute and an {@code id} dataset. */
  public static boolean isDynamicTable(LindiFile file, String path) {
    NodeInfo group = file.tree().resolve(NodeTree.normalize(path));
    return group != null && group.kind() == NodeKind.GROUP && group.rawAttributes().has(COLNAMES)
        && arrayAt(file, child(group.path(), ID)) != null;
  }

  /** The group's path, no leading {@code /}. */
  public String path() {
    return path;
  }

  public LindiFile file() {
    return file;
  }

  /** Number of rows: the length of {@code id}. */
  public long rows() {
    return rows;
  }

  /** {@code id}, then the {@code colnames} columns in their order. */
  public List<Column> columns() {
    return columns;
  }

  /** The column called {@code name}; an {@link IllegalArgumentException} naming the columns if none. */
  public Column column(String name) {
    for (Column c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    List<String> known = new ArrayList<>();
    columns.forEach(c -> known.add(c.name()));
    throw new IllegalArgumentException("/" + path + " has no column '" + name + "'; columns: " + known);
  }

  /**
   * The values of rows {@code [fromRow, fromRow + count)} of column {@code c}: per row a boxed
   * value, or for ragged and multi-dimensional columns an array (see {@link ColumnKind}), whose
   * elements are flattened in C order. Reads only those rows of the data (and of the index).
   */
  public Object[] readColumn(Column c, long fromRow, int count) {
    checkRows(fromRow, count);
    LindiArray data = array(c.dataPath());
    long[] shape = data.shape();
    int per = Math.toIntExact(c.elementSize());
    long first;
    long[] offsets = null;
    if (c.isRagged()) {
      offsets = rowOffsets(c, fromRow, count);
      first = offsets[0];
    } else {
      first = fromRow;
    }
    long last = c.isRagged() ? offsets[count] : fromRow + count;
    long[] start = new long[shape.length];
    long[] extent = shape.clone();
    start[0] = first;
    extent[0] = last - first;
    ColumnValues values;
    ErrorContext where = ErrorContext.ofFile(file.location()).withArray(c.dataPath());
    try {
      values = new ColumnValues(c, data.read(start, extent), where);
    } catch (LindiException e) {
      throw e.addContext(where);
    }
    Object[] out = new Object[count];
    for (int r = 0; r < count; r++) {
      if (c.isRagged()) {
        out[r] = values.run((int) ((offsets[r] - first) * per), (int) ((offsets[r + 1] - first) * per));
      } else if (c.isArrayValued()) {
        out[r] = values.run(r * per, (r + 1) * per);
      } else {
        out[r] = values.scalar(r);
      }
    }
    return out;
  }

  /**
   * For a ragged column, the data positions of rows {@code [fromRow, fromRow + count)}:
   * {@code count + 1} ascending offsets, row r spanning {@code [offsets[r], offsets[r + 1])} of
   * axis 0 of the data array (index[-1] = 0). Reads only those entries of the index.
   */
  public long[] rowOffsets(Column c, long fromRow, int count) {
    if (!c.isRagged()) {
      throw new IllegalArgumentException("column '" + c.name() + "' of /" + path + " is not ragged");
    }
    checkRows(fromRow, count);
    LindiArray index = array(c.indexPath());
    ErrorContext where = ErrorContext.ofFile(file.location()).withArray(c.indexPath());
    long[] offsets = new long[count + 1];
    long readFrom = fromRow == 0 ? 0 : fromRow - 1;
    int skip = fromRow == 0 ? 1 : 0;
    ArrayData entries;
    try {
      entries = index.read(new long[] {readFrom}, new long[] {fromRow + count - readFrom});
    } catch (LindiException e) {
      throw e.addContext(where);
    }
    for (int k = 0; k < entries.size(); k++) {
      Object v = entries.get(k);
      offsets[k + skip] = v instanceof Long ? (Long) v : Long.MAX_VALUE; // uint64 beyond 2^63-1: invalid below
    }
    long dataLength = array(c.dataPath()).shape()[0];
    for (int k = 0; k <= count; k++) {
      long row = fromRow - 1 + k;
      if (offsets[k] < 0 || offsets[k] > dataLength || (k > 0 && offsets[k] < offsets[k - 1])) {
        throw new LindiFormatException("VectorIndex /" + c.indexPath() + " is invalid at row " + row
            + ": " + offsets[k] + (k > 0 ? " after " + offsets[k - 1] : "") + " (data has " + dataLength
            + " positions; an index must ascend within it)", where);
      }
    }
    return offsets;
  }

  private void checkRows(long fromRow, int count) {
    if (fromRow < 0 || count < 0 || fromRow + count > rows) {
      throw new IllegalArgumentException("rows [" + fromRow + ", " + (fromRow + count) + ") outside [0, "
          + rows + ") of /" + path);
    }
  }

  private LindiArray array(String arrayPath) {
    LindiArray a = arrays.get(arrayPath);
    if (a == null) {
      throw new IllegalArgumentException("/" + arrayPath + " is not an array of the columns of /" + path);
    }
    return a;
  }

  private static Column describe(LindiFile file, String table, String name, LindiArray data, LindiArray index,
      long rows, Map<String, LindiArray> arrays) {
    ErrorContext where = ErrorContext.ofFile(file.location()).withArray(data.path());
    long[] shape = data.shape();
    if (shape.length == 0) {
      throw new LindiFormatException("column '" + name + "' of /" + table + " is a scalar dataset", where);
    }
    if (index != null) {
      checkedIndexLike(index, name + INDEX_SUFFIX, ErrorContext.ofFile(file.location()).withArray(index.path()));
      if (index.shape()[0] != rows) {
        throw new LindiFormatException("VectorIndex /" + index.path() + " has " + index.shape()[0]
            + " entries for " + rows + " rows of /" + table, where);
      }
      arrays.put(index.path(), index);
    } else if (shape[0] != rows) {
      throw new LindiFormatException("column '" + name + "' of /" + table + " has " + shape[0]
          + " values for " + rows + " rows", where);
    }
    arrays.put(data.path(), data);
    ColumnKind kind;
    try {
      kind = ColumnValues.kindOf(data.dtype(), data.compoundType() != null, firstElement(data));
    } catch (LindiException e) {
      throw e.addContext(where);
    }
    if (kind == null) {
      throw new UnsupportedFeatureException("column '" + name + "' of /" + table + " has dtype "
          + data.dtype().str() + ", which has no column type", where);
    }
    Reference region = Reference.fromJson(data.info().rawAttributes().get(TABLE));
    return new Column(name, data.path(), index == null ? null : index.path(), kind, data.dtype(),
        Arrays.copyOfRange(shape, 1, shape.length), region == null ? null : region.path());
  }

  /** The first element of an object array (what it holds decides its kind), else null. */
  private static Object firstElement(LindiArray data) {
    long[] shape = data.metadata().shape();
    if (data.dtype().kind() != DType.Kind.OBJECT || Arrays.stream(shape).anyMatch(d -> d == 0)) {
      return null;
    }
    long[] ones = new long[shape.length];
    Arrays.fill(ones, 1);
    return data.read(new long[shape.length], ones).objects()[0];
  }

  /** {@code id} and VectorIndex arrays: 1-D integers. */
  private static LindiArray checkedIndexLike(LindiArray a, String name, ErrorContext where) {
    DType t = a.dtype();
    if (a.shape().length != 1 || (t.kind() != DType.Kind.INT && t.kind() != DType.Kind.UINT)) {
      throw new LindiFormatException("'" + name + "' must be a 1-D integer dataset, got " + t.str() + " of shape "
          + Arrays.toString(a.shape()), where.withArray(a.path()));
    }
    return a;
  }

  private static List<String> colnames(NodeInfo group, String path, ErrorContext where) {
    JsonNode names = group.rawAttributes().get(COLNAMES);
    if (names == null) {
      throw new LindiFormatException("/" + path + " is not an NWB DynamicTable: no '" + COLNAMES + "' attribute",
          where);
    }
    List<JsonNode> items = new ArrayList<>();
    if (names.isArray()) {
      names.forEach(items::add);
    } else {
      items.add(names); // h5py writes a one-column colnames as a plain string
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode n : items) {
      if (!n.isTextual() || n.textValue().isEmpty() || n.textValue().contains("/")) {
        throw new LindiFormatException("'" + COLNAMES + "' of /" + path + " must list column names, got " + names,
            where);
      }
      if (n.textValue().equals(ID) || !out.add(n.textValue())) {
        throw new LindiFormatException("'" + COLNAMES + "' of /" + path + " lists '" + n.textValue() + "' twice",
            where);
      }
    }
    return new ArrayList<>(out);
  }

  private static LindiArray arrayAt(LindiFile file, String arrayPath) {
    NodeInfo n = file.tree().resolve(arrayPath);
    return n == null || n.kind() != NodeKind.ARRAY ? null : file.array(arrayPath);
  }

  private static String child(String group, String name) {
    return group.isEmpty() ? name : group + "/" + name;
  }

  private static String attrsKey(String group) {
    return group.isEmpty() ? ".zattrs" : group + "/.zattrs";
  }

  @Override
  public String toString() {
    return "DynamicTable{/" + path + ", " + rows + " rows, " + columns + "}";
  }
}
