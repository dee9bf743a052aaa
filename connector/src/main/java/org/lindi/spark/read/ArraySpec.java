package org.lindi.spark.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.lindi.LindiArray;
import org.lindi.chunk.ChunkDecoder;
import org.lindi.codec.CodecRegistry;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.spark.types.ElementType;
import org.lindi.tree.CompoundType;
import org.lindi.tree.ReservedAttributes;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.ChunkGrid;

/**
 * What an executor needs to decode one array's chunks, and nothing more: the file and array names
 * (for {@code _file} and messages), the {@code .zarray} JSON and the {@code _SCALAR} /
 * {@code _COMPOUND_DTYPE} facts. The parsed forms are rebuilt on first use after deserialisation.
 */
public final class ArraySpec implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final String array;
  private final String zarray;
  private final boolean scalar;
  private final String compound;
  private transient ArrayMetadata meta;
  private transient CompoundType compoundType;
  private transient ElementType element;
  private transient ChunkGrid grid;

  ArraySpec(String file, String array, String zarray, boolean scalar, String compound) {
    this.file = Objects.requireNonNull(file);
    this.array = Objects.requireNonNull(array);
    this.zarray = Objects.requireNonNull(zarray);
    this.scalar = scalar;
    this.compound = compound;
  }

  /** The facts of {@code array} of the file at {@code file}. */
  public static ArraySpec of(String file, LindiArray array) {
    array.metadata(); // fails here, naming file and key, when .zarray is invalid
    // the metadata chunks decode with: for an external array, the HDF5 dataset's filters
    ArrayMetadata m = array.codecMetadata();
    JsonNode c = array.info().rawAttributes().get(ReservedAttributes.COMPOUND_DTYPE);
    ArraySpec spec = new ArraySpec(file, array.path(), m.toJson().toString(), array.isScalar(),
        c == null ? null : c.toString());
    spec.meta = m;
    return spec;
  }

  /** The lindi file, as the {@code _file} column shows it. */
  public String file() {
    return file;
  }

  /** The array's path inside the file. */
  public String array() {
    return array;
  }

  public boolean isScalar() {
    return scalar;
  }

  public synchronized ArrayMetadata metadata() {
    if (meta == null) {
      meta = ArrayMetadata.parse(parse(zarray));
    }
    return meta;
  }

  public synchronized CompoundType compoundType() {
    if (compoundType == null && compound != null) {
      compoundType = CompoundType.parse(parse(compound));
    }
    return compoundType;
  }

  public synchronized ElementType element() {
    if (element == null) {
      element = ElementType.of(metadata(), compoundType());
    }
    return element;
  }

  /** The chunk grid (made once: readers and the planner ask for it per chunk). */
  public synchronized ChunkGrid grid() {
    if (grid == null) {
      grid = metadata().grid();
    }
    return grid;
  }

  /** The shape users see: {@code []} for a scalar, else the {@code .zarray} shape. */
  public long[] logicalShape() {
    return scalar ? new long[0] : metadata().shape();
  }

  /** Rank of what users see (0 for scalars). */
  public int logicalRank() {
    return scalar ? 0 : metadata().rank();
  }

  /** Elements per row of the {@code rows} layout: the product of the shape beyond axis 0. */
  public long rowElements() {
    long[] shape = metadata().shape();
    long n = 1;
    for (int k = 1; k < shape.length; k++) {
      n *= shape[k];
    }
    return n;
  }

  /** Number of rows in the {@code rows} layout: the length of axis 0 (1 for rank 0). */
  public long rowCount() {
    long[] shape = metadata().shape();
    return scalar || shape.length == 0 ? 1 : shape[0];
  }

  /** A decoder for this array's chunks (codecs from the default registry, found by id). */
  public ChunkDecoder newDecoder() {
    return new ChunkDecoder(metadata(), CodecRegistry.defaultRegistry());
  }

  /** Where errors about this array happened. */
  public ErrorContext context() {
    return ErrorContext.ofFile(file).withArray(array);
  }

  private JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new LindiFormatException("invalid JSON: " + e.getOriginalMessage(), context(), e);
    }
  }

  /**
   * Why this array cannot be read together with {@code other} (another file's same dataset), or
   * null when both have the same dtype and the same shape beyond axis 0.
   */
  public String mismatch(ArraySpec other) {
    ArrayMetadata a = metadata();
    ArrayMetadata b = other.metadata();
    if (!a.dtype().littleEndian().equals(b.dtype().littleEndian()) || scalar != other.scalar
        || !Objects.equals(compoundType(), other.compoundType())
        || !element().sparkType().equals(other.element().sparkType())) {
      return "dtype " + describe() + " vs " + other.describe();
    }
    long[] sa = a.shape();
    long[] sb = b.shape();
    if (sa.length != sb.length || !Arrays.equals(Arrays.copyOfRange(sa, Math.min(1, sa.length), sa.length),
        Arrays.copyOfRange(sb, Math.min(1, sb.length), sb.length))) {
      return "shape " + Arrays.toString(sa) + " vs " + Arrays.toString(sb) + " (only axis 0 may differ)";
    }
    return null;
  }

  private String describe() {
    return metadata().dtype() + (scalar ? " scalar" : "") + (compound != null ? " compound " + compound : "");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ArraySpec)) {
      return false;
    }
    ArraySpec s = (ArraySpec) o;
    return file.equals(s.file) && array.equals(s.array) && zarray.equals(s.zarray) && scalar == s.scalar
        && Objects.equals(compound, s.compound);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, array, zarray);
  }

  @Override
  public String toString() {
    return "ArraySpec[" + file + " /" + array + "]";
  }
}
