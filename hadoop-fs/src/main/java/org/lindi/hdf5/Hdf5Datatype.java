package org.lindi.hdf5;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The datatype of an HDF5 dataset. Fixed-point and IEEE floating-point types of 1 to 8 bytes in
 * either byte order, and fixed-length byte strings, have a numpy dtype ({@code "<i2"},
 * {@code ">f8"}, {@code "|u1"}, {@code "|S8"}); other classes are described but
 * {@link #dtype()} refuses them.
 */
public final class Hdf5Datatype {
  /** HDF5 datatype classes. */
  public static final int FIXED_POINT = 0;
  public static final int FLOATING_POINT = 1;
  public static final int STRING = 3;

  private static final String[] CLASS_NAMES = {"fixed-point", "floating-point", "time", "string",
      "bit field", "opaque", "compound", "reference", "enumerated", "variable-length", "array",
      "complex"};

  private final int typeClass;
  private final int size;
  private final ByteOrder byteOrder;
  private final boolean signed;
  private final boolean standardLayout;

  Hdf5Datatype(int typeClass, int size, ByteOrder byteOrder, boolean signed, boolean standardLayout) {
    this.typeClass = typeClass;
    this.size = size;
    this.byteOrder = byteOrder;
    this.signed = signed;
    this.standardLayout = standardLayout;
  }

  /** The HDF5 datatype class (0 fixed-point, 1 floating-point, 3 string, 6 compound, ...). */
  public int typeClass() {
    return typeClass;
  }

  /** Size of one element in bytes. */
  public int size() {
    return size;
  }

  /** Byte order of numeric elements (little-endian for classes without one). */
  public ByteOrder byteOrder() {
    return byteOrder;
  }

  public boolean signed() {
    return signed;
  }

  /** True when {@link #dtype()} gives a numpy dtype for this type. */
  public boolean isSupported() {
    return dtypeOrNull() != null;
  }

  /**
   * The numpy dtype string, e.g. {@code "<i2"}, {@code ">f8"}, {@code "|u1"}, {@code "|S8"}.
   *
   * @throws org.lindi.error.UnsupportedFeatureException for other types
   */
  public String dtype() {
    String d = dtypeOrNull();
    if (d == null) {
      throw new org.lindi.error.UnsupportedFeatureException(
          "HDF5 datatype " + this + " has no numpy dtype in this reader");
    }
    return d;
  }

  private String dtypeOrNull() {
    if (!standardLayout) {
      return null;
    }
    char order = size == 1 ? '|' : byteOrder == ByteOrder.BIG_ENDIAN ? '>' : '<';
    switch (typeClass) {
      case FIXED_POINT:
        return size == 1 || size == 2 || size == 4 || size == 8
            ? order + (signed ? "i" : "u") + size : null;
      case FLOATING_POINT:
        return size == 2 || size == 4 || size == 8 ? order + "f" + size : null;
      case STRING:
        return "|S" + size;
      default:
        return null;
    }
  }

  /** Parses a datatype message (0x0003) body. */
  static Hdf5Datatype parse(MetadataReader file, MetadataCursor c) {
    int classAndVersion = c.u8();
    int typeClass = classAndVersion & 0x0f;
    int version = classAndVersion >>> 4;
    if (version < 1 || version > 5) {
      throw file.corrupt("datatype message has unknown version " + version, c.address());
    }
    int bits0 = c.u8();
    c.u8();
    c.u8();
    long size = c.u32();
    if (size <= 0 || size > Integer.MAX_VALUE) {
      throw file.corrupt("datatype message has an impossible size " + size, c.address());
    }
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    boolean signed = false;
    boolean standard = true;
    if (typeClass == FIXED_POINT) {
      order = (bits0 & 0x01) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      signed = (bits0 & 0x08) != 0;
      int bitOffset = c.u16();
      int precision = c.u16();
      standard = bitOffset == 0 && precision == 8 * size;
    } else if (typeClass == FLOATING_POINT) {
      int orderBits = (bits0 & 0x01) | ((bits0 >>> 6) & 0x01) << 1;
      if (orderBits == 0 || orderBits == 1) {
        order = orderBits == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      } else {
        standard = false; // VAX order
      }
      signed = true;
      int bitOffset = c.u16();
      int precision = c.u16();
      standard &= bitOffset == 0 && precision == 8 * size;
    } else if (typeClass == STRING) {
      standard = true;
    } else {
      standard = false;
    }
    return new Hdf5Datatype(typeClass, (int) size, order, signed, standard);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Hdf5Datatype)) {
      return false;
    }
    Hdf5Datatype t = (Hdf5Datatype) o;
    return typeClass == t.typeClass && size == t.size && byteOrder.equals(t.byteOrder)
        && signed == t.signed && standardLayout == t.standardLayout;
  }

  @Override
  public int hashCode() {
    return Objects.hash(typeClass, size, byteOrder.toString(), signed, standardLayout);
  }

  @Override
  public String toString() {
    String name = typeClass < CLASS_NAMES.length ? CLASS_NAMES[typeClass] : "class " + typeClass;
    String d = dtypeOrNull();
    return "Hdf5Datatype[" + name + ", " + size + " bytes" + (d != null ? ", " + d : "") + "]";
  }
}
