package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/**
 * {@code fletcher32}: the data followed by HDF5's Fletcher-32 checksum (16-bit big-endian words,
 * stored little-endian), as HDF5's filter writes it and later numcodecs versions read it. The
 * checksum is verified; HDF5's byte-swapped variant from releases before 1.6.3 is accepted too.
 */
public final class Fletcher32Codec implements Codec {
  public static final String ID = "fletcher32";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    int n = encoded.length() - 4;
    if (n < 0) {
      throw new CodecException("fletcher32: chunk of " + encoded.length() + " bytes has no 4-byte checksum");
    }
    DecodeLimits.check(n, ctx, ID);
    byte[] b = encoded.array();
    int p = encoded.offset() + n;
    int stored = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    int computed = checksum(b, encoded.offset(), n);
    // HDF5 before 1.6.3 swapped the bytes of each 16-bit half on little-endian machines
    int reversed = ((computed & 0x00ff00ff) << 8) | ((computed >>> 8) & 0x00ff00ff);
    if (stored != computed && stored != reversed) {
      throw new CodecException("fletcher32: checksum mismatch: stored " + Integer.toHexString(stored)
          + ", data has " + Integer.toHexString(computed));
    }
    return encoded.slice(0, n);
  }

  @Override
  public ByteSlice encode(ByteSlice decoded, EncodeContext ctx) {
    int n = decoded.length();
    byte[] out = ctx.scratch(n + 4);
    if (out == decoded.array()) {
      out = new byte[n + 4];
    }
    System.arraycopy(decoded.array(), decoded.offset(), out, 0, n);
    int c = checksum(decoded.array(), decoded.offset(), n);
    out[n] = (byte) c;
    out[n + 1] = (byte) (c >>> 8);
    out[n + 2] = (byte) (c >>> 16);
    out[n + 3] = (byte) (c >>> 24);
    return new ByteSlice(out, 0, n + 4);
  }

  /** HDF5's {@code H5_checksum_fletcher32}: sums of big-endian 16-bit words, reduced every 360 words. */
  static int checksum(byte[] b, int off, int len) {
    int sum1 = 0;
    int sum2 = 0;
    int words = len / 2;
    int p = off;
    while (words > 0) {
      // 360 words is the most the 32-bit sums take without overflow
      int block = Math.min(words, 360);
      words -= block;
      for (int i = 0; i < block; i++, p += 2) {
        sum1 += ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        sum2 += sum1;
      }
      sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
      sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
    }
    if ((len & 1) != 0) {
      sum1 += (b[p] & 0xff) << 8;
      sum2 += sum1;
      sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
      sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
    }
    sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
    return (sum2 << 16) | sum1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fletcher32Codec;
  }

  @Override
  public int hashCode() {
    return ID.hashCode();
  }

  @Override
  public String toString() {
    return "fletcher32()";
  }

  /** Creates {@link Fletcher32Codec} from {@code {"id": "fletcher32"}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig.of(config, ID);
      return new Fletcher32Codec();
    }
  }
}
