package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.lindi.error.CodecException;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code categorize}: stores label number {@code i + 1} for {@code labels[i]} and 0 for
 * anything else, as {@code astype}. Decodes to fixed-width {@code <U n} strings (UTF-32 in the
 * dtype's byte order, labels cut to {@code n} characters as numpy does; 0 gives the empty string).
 * For {@code |O} arrays the factory returns {@link ToObjects}.
 */
public final class CategorizeCodec implements Codec {
  public static final String ID = "categorize";

  private final List<String> labels;
  private final DType dtype;
  private final NumericType astype;
  /** Each label as {@code dtype} bytes; index 0 is the empty string. */
  private final byte[][] encodedLabels;

  private CategorizeCodec(List<String> labels, DType dtype, NumericType astype) {
    if (dtype.kind() != DType.Kind.UNICODE) {
      throw new LindiFormatException("categorize: dtype must be unicode ('<U n') or object, not " + dtype);
    }
    this.labels = labels;
    this.dtype = dtype;
    this.astype = astype;
    this.encodedLabels = new byte[labels.size() + 1][];
    this.encodedLabels[0] = new byte[dtype.itemSize()];
    for (int i = 0; i < labels.size(); i++) {
      encodedLabels[i + 1] = utf32(labels.get(i), dtype);
    }
  }

  /** A codec decoding {@code astype} label numbers into {@code <U n} strings. */
  public static CategorizeCodec of(List<String> labels, DType dtype, DType astype) {
    return new CategorizeCodec(List.copyOf(labels), dtype, NumericType.of(astype, "categorize astype"));
  }

  private static byte[] utf32(String label, DType dtype) {
    byte[] b = new byte[dtype.itemSize()];
    int width = dtype.itemSize() / 4;
    int[] cps = label.codePoints().limit(width).toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      int p = 4 * i;
      if (dtype.isBigEndian()) {
        b[p] = (byte) (cp >>> 24);
        b[p + 1] = (byte) (cp >>> 16);
        b[p + 2] = (byte) (cp >>> 8);
        b[p + 3] = (byte) cp;
      } else {
        b[p] = (byte) cp;
        b[p + 1] = (byte) (cp >>> 8);
        b[p + 2] = (byte) (cp >>> 16);
        b[p + 3] = (byte) (cp >>> 24);
      }
    }
    return b;
  }

  @Override
  public String id() {
    return ID;
  }

  public List<String> labels() {
    return labels;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    int n = count(astype, encoded);
    int size = dtype.itemSize();
    int outLen = DecodeLimits.check((long) n * size, ctx, ID);
    byte[] out = ctx.scratch(outLen);
    byte[] in = encoded.array();
    for (int i = 0, s = encoded.offset(), d = 0; i < n; i++, s += astype.size(), d += size) {
      System.arraycopy(encodedLabels[labelNumber(astype, in, s, labels.size())], 0, out, d, size);
    }
    return new ByteSlice(out, 0, outLen);
  }

  private static int count(NumericType astype, ByteSlice encoded) {
    if (encoded.length() % astype.size() != 0) {
      throw new CodecException("categorize: " + encoded.length() + " bytes are not whole " + astype + " elements");
    }
    return encoded.length() / astype.size();
  }

  /** The label number stored at {@code s}; 0 (no label) when it names none. */
  private static int labelNumber(NumericType astype, byte[] in, int s, int labelCount) {
    if (astype.lane() == NumericType.Lane.INTEGER) {
      long v = astype.getLong(in, s);
      return v >= 1 && v <= labelCount ? (int) v : 0;
    }
    double v = astype.getDouble(in, s);
    return v >= 1 && v <= labelCount && v == Math.rint(v) ? (int) v : 0;
  }

  private static List<String> parseLabels(CodecConfig c) {
    JsonNode list = c.get("labels");
    if (list == null || !list.isArray()) {
      throw c.invalid("labels", "a list of strings", list);
    }
    List<String> labels = new ArrayList<>();
    for (JsonNode l : list) {
      if (!l.isTextual()) {
        throw c.invalid("labels", "a list of strings", list);
      }
      labels.add(l.textValue());
    }
    return Collections.unmodifiableList(labels);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategorizeCodec && ((CategorizeCodec) o).labels.equals(labels)
        && ((CategorizeCodec) o).dtype.equals(dtype) && ((CategorizeCodec) o).astype.equals(astype);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, labels, dtype, astype);
  }

  @Override
  public String toString() {
    return "categorize(labels=" + labels + ", dtype=" + dtype + ", astype=" + astype + ")";
  }

  /** {@code categorize} for {@code |O} arrays: decodes to the label strings. */
  public static final class ToObjects implements ObjectCodec {
    private final List<String> labels;
    private final NumericType astype;

    private ToObjects(List<String> labels, NumericType astype) {
      this.labels = labels;
      this.astype = astype;
    }

    public static ToObjects of(List<String> labels, DType astype) {
      return new ToObjects(List.copyOf(labels), NumericType.of(astype, "categorize astype"));
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public Object[] decodeObjects(ByteSlice encoded, DecodeContext ctx) {
      int n = count(astype, encoded);
      // each element is a reference: count them against the limit like 8-byte pointers
      DecodeLimits.check(8L * n, ctx, ID);
      Object[] out = new Object[n];
      byte[] in = encoded.array();
      for (int i = 0, s = encoded.offset(); i < n; i++, s += astype.size()) {
        int k = labelNumber(astype, in, s, labels.size());
        out[i] = k == 0 ? "" : labels.get(k - 1);
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ToObjects && ((ToObjects) o).labels.equals(labels) && ((ToObjects) o).astype.equals(astype);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ID, labels, astype, "O");
    }

    @Override
    public String toString() {
      return "categorize(labels=" + labels + ", dtype=|O, astype=" + astype + ")";
    }
  }

  /**
   * Creates {@link CategorizeCodec} (or {@link ToObjects} for {@code "dtype": "|O"}) from
   * {@code {"id": "categorize", "labels": ["a", "b"], "dtype": "<U6", "astype": "|u1"}}.
   */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      List<String> labels = parseLabels(c);
      DType dtype = c.dtype("dtype", arrayDtype);
      NumericType astype = c.numeric("astype", DType.parse("|u1"));
      if (dtype.kind() == DType.Kind.OBJECT) {
        return new ToObjects(labels, astype);
      }
      return new CategorizeCodec(labels, dtype, astype);
    }
  }
}
