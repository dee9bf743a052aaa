package org.lindi.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.lindi.error.LindiFormatException;

/**
 * The {@code fill_value} of a Zarr v2 array, as the bytes of one element in little-endian order
 * (missing chunks are filled with it). Accepts every form zarr writes: numbers, {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}, booleans, null (zero), {@code [re, im]} for complex,
 * base64 strings for {@code S}/{@code V} and plain strings for {@code U}.
 */
public final class FillValue {
  private final byte[] element;
  private final boolean isNull;

  private FillValue(byte[] element, boolean isNull) {
    this.element = element;
    this.isNull = isNull;
  }

  /** Parses {@code json} for an array of {@code dtype}. */
  public static FillValue parse(JsonNode json, DType dtype) {
    int size = dtype.kind() == DType.Kind.OBJECT ? 0 : dtype.itemSize();
    byte[] b = new byte[size];
    if (json == null || json.isNull()) {
      return new FillValue(b, true);
    }
    try {
      switch (dtype.kind()) {
        case BOOL:
          b[0] = (byte) (json.isBoolean() ? (json.booleanValue() ? 1 : 0) : (asDouble(json) != 0 ? 1 : 0));
          break;
        case INT:
        case UINT:
        case DATETIME:
        case TIMEDELTA:
          putLong(b, 0, size, asLong(json, dtype));
          break;
        case FLOAT:
          putFloat(b, 0, size, asDouble(json));
          break;
        case COMPLEX:
          double re = json.isArray() ? asDouble(json.get(0)) : asDouble(json);
          double im = json.isArray() && json.size() > 1 ? asDouble(json.get(1)) : 0;
          putFloat(b, 0, size / 2, re);
          putFloat(b, size / 2, size / 2, im);
          break;
        case BYTES:
        case VOID:
          byte[] raw = json.isTextual() ? Base64.getDecoder().decode(json.textValue()) : new byte[0];
          System.arraycopy(raw, 0, b, 0, Math.min(raw.length, size));
          break;
        case UNICODE:
          String s = json.isTextual() ? json.textValue() : json.toString();
          byte[] u = s.getBytes(java.nio.charset.Charset.forName("UTF-32LE"));
          System.arraycopy(u, 0, b, 0, Math.min(u.length, size));
          break;
        case OBJECT:
        default:
          break;
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new LindiFormatException("invalid fill_value " + json + " for dtype " + dtype, e);
    }
    return new FillValue(b, false);
  }

  private static double asDouble(JsonNode n) {
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? 1 : 0;
    }
    if (n.isTextual()) {
      switch (n.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          return Double.parseDouble(n.textValue());
      }
    }
    throw new IllegalArgumentException("not a number: " + n);
  }

  private static long asLong(JsonNode n, DType dtype) {
    if (n.isIntegralNumber()) {
      // uint64 values above Long.MAX_VALUE keep their two's-complement bits
      return n.bigIntegerValue().longValue();
    }
    if (n.isNumber()) {
      return (long) n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? 1 : 0;
    }
    if (n.isTextual()) {
      String t = n.textValue();
      if (dtype.kind() == DType.Kind.DATETIME && t.equals("NaT")) {
        return Long.MIN_VALUE;
      }
      return new java.math.BigDecimal(t).toBigInteger().longValue();
    }
    throw new IllegalArgumentException("not an integer: " + n);
  }

  private static void putLong(byte[] b, int off, int size, long v) {
    for (int i = 0; i < size; i++) {
      b[off + i] = (byte) (v >>> (8 * i));
    }
  }

  private static void putFloat(byte[] b, int off, int size, double v) {
    switch (size) {
      case 2:
        putLong(b, off, 2, Float16.fromFloat((float) v));
        break;
      case 4:
        putLong(b, off, 4, Float.floatToRawIntBits((float) v));
        break;
      default:
        putLong(b, off, 8, Double.doubleToRawLongBits(v));
    }
  }

  /** One element, little-endian; all zero for a null fill value; empty for object arrays. */
  public byte[] elementBytes() {
    return element.clone();
  }

  /** True when {@code fill_value} was null (reads as zero). */
  public boolean isNull() {
    return isNull;
  }

  /** True when every byte of the element is zero (a fresh array needs no filling). */
  public boolean isZero() {
    for (byte x : element) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** Fills {@code count} elements starting at byte {@code offset} of {@code dest}. */
  public void fill(byte[] dest, int offset, int count) {
    int size = element.length;
    if (size == 0 || count == 0) {
      return;
    }
    if (isZero()) {
      java.util.Arrays.fill(dest, offset, offset + count * size, (byte) 0);
      return;
    }
    System.arraycopy(element, 0, dest, offset, size);
    int filled = size;
    int total = count * size;
    while (filled < total) {
      int n = Math.min(filled, total - filled);
      System.arraycopy(dest, offset, dest, offset + filled, n);
      filled += n;
    }
  }
}
