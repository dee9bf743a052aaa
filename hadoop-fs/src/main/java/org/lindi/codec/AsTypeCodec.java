package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code astype}: stored as {@code encode_dtype}, decoded with numpy's
 * {@code astype(decode_dtype)} (rounding to nearest for floats, C truncation for float to integer,
 * wrapping for integers).
 */
public final class AsTypeCodec implements Codec {
  public static final String ID = "astype";

  private final NumericType encodeType;
  private final NumericType decodeType;

  private AsTypeCodec(NumericType encodeType, NumericType decodeType) {
    this.encodeType = encodeType;
    this.decodeType = decodeType;
  }

  public static AsTypeCodec of(DType encodeDtype, DType decodeDtype) {
    return new AsTypeCodec(NumericType.of(encodeDtype, "astype encode_dtype"),
        NumericType.of(decodeDtype, "astype decode_dtype"));
  }

  @Override
  public String id() {
    return ID;
  }

  public DType encodeDtype() {
    return encodeType.dtype();
  }

  public DType decodeDtype() {
    return decodeType.dtype();
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    return castChunk(ID, encodeType, decodeType, encoded, ctx);
  }

  /** Casts a chunk of {@code from} elements to {@code to} into a scratch buffer. */
  static ByteSlice castChunk(String codec, NumericType from, NumericType to, ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    if (encoded.length() % from.size() != 0) {
      throw new CodecException(codec + ": " + encoded.length() + " bytes are not whole " + from + " elements");
    }
    int n = encoded.length() / from.size();
    if (from.equals(to)) {
      return encoded;
    }
    int outLen = DecodeLimits.check((long) n * to.size(), ctx, codec);
    byte[] out = ctx.scratch(outLen);
    NumpyCasting.cast(from, encoded.array(), encoded.offset(), to, out, 0, n);
    return new ByteSlice(out, 0, outLen);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AsTypeCodec && ((AsTypeCodec) o).encodeType.equals(encodeType)
        && ((AsTypeCodec) o).decodeType.equals(decodeType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, encodeType, decodeType);
  }

  @Override
  public String toString() {
    return "astype(encode_dtype=" + encodeType + ", decode_dtype=" + decodeType + ")";
  }

  /** Creates {@link AsTypeCodec} from {@code {"id": "astype", "encode_dtype": "<f4", "decode_dtype": "<f8"}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      return AsTypeCodec.of(c.dtype("encode_dtype", null), c.dtype("decode_dtype", arrayDtype));
    }
  }
}
