package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code lz4}: a 4-byte little-endian decoded size, then one LZ4 block. Uses lz4-java's
 * bounds-checked decompressor (native {@code LZ4_decompress_safe}, or the pure-Java safe one where
 * the native library cannot load); the faster unchecked variants are unsafe on untrusted input.
 */
public final class Lz4Codec implements Codec {
  public static final String ID = "lz4";

  private static final LZ4Factory LZ4 = factory();
  private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4.safeDecompressor();
  private static final LZ4Compressor COMPRESSOR = LZ4.fastCompressor();

  private final int acceleration;

  public Lz4Codec(int acceleration) {
    this.acceleration = acceleration;
  }

  private static LZ4Factory factory() {
    try {
      return LZ4Factory.nativeInstance();
    } catch (Throwable e) { // no native library for this platform
      return LZ4Factory.safeInstance();
    }
  }

  @Override
  public String id() {
    return ID;
  }

  /** numcodecs' acceleration; encoding here always uses LZ4's default (any LZ4 block decodes alike). */
  public int acceleration() {
    return acceleration;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    if (encoded.length() < 4) {
      throw new CodecException("lz4: chunk of " + encoded.length() + " bytes has no 4-byte size header");
    }
    byte[] in = encoded.array();
    int off = encoded.offset();
    int declared = (in[off] & 0xff) | (in[off + 1] & 0xff) << 8 | (in[off + 2] & 0xff) << 16 | (in[off + 3] & 0xff) << 24;
    if (declared < 0) {
      throw new CodecException("lz4: negative decoded size " + declared + " in header");
    }
    int size = DecodeLimits.check(declared, ctx, ID);
    byte[] out = ctx.scratch(size);
    int n;
    try {
      n = DECOMPRESSOR.decompress(in, off + 4, encoded.length() - 4, out, 0, size);
    } catch (LZ4Exception e) {
      throw new CodecException("lz4: corrupt block (" + e.getMessage() + ")", e);
    }
    if (n != size) {
      throw new CodecException("lz4: block decodes to " + n + " bytes, header declares " + size);
    }
    return new ByteSlice(out, 0, size);
  }

  @Override
  public ByteSlice encode(ByteSlice decoded, EncodeContext ctx) {
    int n = decoded.length();
    int bound = 4 + COMPRESSOR.maxCompressedLength(n);
    byte[] out = ctx.scratch(bound);
    if (out == decoded.array()) {
      out = new byte[bound];
    }
    out[0] = (byte) n;
    out[1] = (byte) (n >>> 8);
    out[2] = (byte) (n >>> 16);
    out[3] = (byte) (n >>> 24);
    int c = COMPRESSOR.compress(decoded.array(), decoded.offset(), n, out, 4, bound - 4);
    return new ByteSlice(out, 0, 4 + c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lz4Codec && ((Lz4Codec) o).acceleration == acceleration;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, acceleration);
  }

  @Override
  public String toString() {
    return "lz4(acceleration=" + acceleration + ")";
  }

  /** Creates {@link Lz4Codec} from {@code {"id": "lz4", "acceleration": 1}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      return new Lz4Codec(c.intValue("acceleration", 1));
    }
  }
}
