package org.lindi.zarr;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Objects;
import org.lindi.error.LindiFormatException;

/**
 * A numpy dtype as Zarr v2 writes it ({@code "<i2"}, {@code "|b1"}, {@code ">f8"}, {@code "|S3"},
 * {@code "<U6"}, {@code "<M8[ns]"}, {@code "|O"}, {@code "|V20"}); also accepts numpy names such as
 * {@code "int32"} or {@code "float64"} (used by codec configurations and compound dtypes).
 */
public final class DType {
  /** The numpy kind character. */
  public enum Kind {
    BOOL('b'), INT('i'), UINT('u'), FLOAT('f'), COMPLEX('c'), BYTES('S'), UNICODE('U'),
    DATETIME('M'), TIMEDELTA('m'), OBJECT('O'), VOID('V');

    private final char code;

    Kind(char code) {
      this.code = code;
    }

    public char code() {
      return code;
    }

    static Kind of(char c) {
      for (Kind k : values()) {
        if (k.code == c) {
          return k;
        }
      }
      return null;
    }
  }

  private final String str;
  private final char byteOrder;
  private final Kind kind;
  private final int itemSize;
  private final String unit;

  private DType(String str, char byteOrder, Kind kind, int itemSize, String unit) {
    this.str = str;
    this.byteOrder = byteOrder;
    this.kind = kind;
    this.itemSize = itemSize;
    this.unit = unit;
  }

  /** Parses a numpy dtype string; throws {@link LindiFormatException} when it is not one. */
  public static DType parse(String s) {
    if (s == null || s.isEmpty()) {
      throw new LindiFormatException("empty dtype");
    }
    String named = fromName(s.trim().toLowerCase(Locale.ROOT));
    String t = named != null ? named : s.trim();
    char order = '|';
    int i = 0;
    char c0 = t.charAt(0);
    if (c0 == '<' || c0 == '>' || c0 == '|' || c0 == '=') {
      order = c0 == '=' ? nativeOrder() : c0;
      i = 1;
    }
    if (i >= t.length()) {
      throw new LindiFormatException("invalid dtype '" + s + "'");
    }
    Kind kind = Kind.of(t.charAt(i));
    if (kind == null) {
      throw new LindiFormatException("unsupported dtype '" + s + "'");
    }
    String rest = t.substring(i + 1);
    String unit = null;
    int bracket = rest.indexOf('[');
    if (bracket >= 0) {
      if (!rest.endsWith("]")) {
        throw new LindiFormatException("invalid dtype '" + s + "'");
      }
      unit = rest.substring(bracket + 1, rest.length() - 1);
      rest = rest.substring(0, bracket);
    }
    int size;
    if (rest.isEmpty()) {
      size = kind == Kind.OBJECT ? 8 : kind == Kind.BOOL ? 1 : -1;
      if (size < 0) {
        throw new LindiFormatException("dtype '" + s + "' has no size");
      }
    } else {
      try {
        size = Integer.parseInt(rest);
      } catch (NumberFormatException e) {
        throw new LindiFormatException("invalid dtype '" + s + "'");
      }
    }
    if (kind == Kind.UNICODE) {
      size *= 4;
    }
    if (size < 0 || (kind == Kind.UNICODE && size == 0 && !rest.equals("0"))) {
      throw new LindiFormatException("invalid dtype '" + s + "'");
    }
    validate(s, kind, size);
    if (size == 1 || kind == Kind.BYTES || kind == Kind.VOID || kind == Kind.OBJECT || kind == Kind.BOOL) {
      order = '|';
    } else if (order == '|') {
      order = '<';
    }
    String canonical = order + String.valueOf(kind.code)
        + (kind == Kind.UNICODE ? size / 4 : kind == Kind.OBJECT ? "" : size)
        + (unit != null ? "[" + unit + "]" : "");
    return new DType(canonical, order, kind, size, unit);
  }

  private static void validate(String s, Kind kind, int size) {
    boolean ok;
    switch (kind) {
      case BOOL:
        ok = size == 1;
        break;
      case INT:
      case UINT:
        ok = size == 1 || size == 2 || size == 4 || size == 8;
        break;
      case FLOAT:
        ok = size == 2 || size == 4 || size == 8;
        break;
      case COMPLEX:
        ok = size == 8 || size == 16;
        break;
      case DATETIME:
      case TIMEDELTA:
        ok = size == 8;
        break;
      default:
        ok = true;
    }
    if (!ok) {
      throw new LindiFormatException("unsupported dtype '" + s + "'");
    }
  }

  private static char nativeOrder() {
    return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
  }

  private static String fromName(String n) {
    switch (n) {
      case "bool": return "|b1";
      case "int8": return "|i1";
      case "uint8": return "|u1";
      case "int16": return "<i2";
      case "uint16": return "<u2";
      case "int32": return "<i4";
      case "uint32": return "<u4";
      case "int64": return "<i8";
      case "uint64": return "<u8";
      case "float16": return "<f2";
      case "float32": return "<f4";
      case "float64": return "<f8";
      case "complex64": return "<c8";
      case "complex128": return "<c16";
      default: return null;
    }
  }

  /** The canonical numpy string, e.g. {@code "<i2"}. */
  public String str() {
    return str;
  }

  public Kind kind() {
    return kind;
  }

  /** Bytes per element ({@code <U6} is 24). */
  public int itemSize() {
    return itemSize;
  }

  /** Time unit of {@code M8}/{@code m8}, e.g. {@code "ns"}; null otherwise. */
  public String unit() {
    return unit;
  }

  /** {@code '<'}, {@code '>'} or {@code '|'} (not applicable). */
  public char byteOrder() {
    return byteOrder;
  }

  public boolean isBigEndian() {
    return byteOrder == '>';
  }

  /** Numbers, booleans and datetimes: fixed-size values that a hash of their bytes describes. */
  public boolean isNumeric() {
    switch (kind) {
      case BOOL:
      case INT:
      case UINT:
      case FLOAT:
      case COMPLEX:
      case DATETIME:
      case TIMEDELTA:
        return true;
      default:
        return false;
    }
  }

  /** Size of the unit that byte order applies to (a complex number swaps each half). */
  public int swapUnit() {
    return kind == Kind.COMPLEX ? itemSize / 2 : kind == Kind.UNICODE ? 4 : itemSize;
  }

  /** The same dtype in little-endian byte order. */
  public DType littleEndian() {
    return byteOrder == '>' ? parse('<' + str.substring(1)) : this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DType && ((DType) o).str.equals(str);
  }

  @Override
  public int hashCode() {
    return Objects.hash(str);
  }

  @Override
  public String toString() {
    return str;
  }
}
