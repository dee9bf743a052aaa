package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.Objects;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code zstd}: one or more Zstandard frames, with or without a declared content size
 * (numcodecs writes it; other writers stream). Decodes with zstd-jni into the scratch buffer, which
 * zstd never writes past, so a frame that would exceed the limit is refused as it decodes.
 */
public final class ZstdCodec implements Codec {
  public static final String ID = "zstd";

  private static final long CONTENT_SIZE_UNKNOWN = -1;
  private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSOR = ThreadLocal.withInitial(ZstdDecompressCtx::new);
  private static final ThreadLocal<ZstdCompressCtx> COMPRESSOR = ThreadLocal.withInitial(ZstdCompressCtx::new);

  private final int level;

  public ZstdCodec(int level) {
    this.level = level;
  }

  @Override
  public String id() {
    return ID;
  }

  public int level() {
    return level;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    byte[] src = encoded.array();
    int off = encoded.offset();
    int len = encoded.length();
    int limit = DecodeLimits.limit(ctx);
    if (len < 4) {
      // zstd-jni does not guard empty input itself
      throw new CodecException("zstd: chunk of " + len + " bytes is not a zstd frame");
    }
    long declared = frameContentSize(src, off, len);
    int capacity;
    if (declared >= 0) {
      // a later frame may add more; then the capacity grows below
      capacity = DecodeLimits.check(declared, ctx, ID);
    } else if (declared == CONTENT_SIZE_UNKNOWN) {
      capacity = DecodeLimits.initialCapacity(ctx, len);
    } else {
      throw new CodecException("zstd: not a zstd frame (" + Zstd.getErrorName(declared) + ")");
    }
    ZstdDecompressCtx dctx = DECOMPRESSOR.get();
    while (true) {
      byte[] out = ctx.scratch(capacity);
      int room = Math.min(out.length, limit);
      try {
        int n = dctx.decompressByteArray(out, 0, room, src, off, len);
        return new ByteSlice(out, 0, n);
      } catch (ZstdException e) {
        dctx.reset();
        if (e.getErrorCode() != Zstd.errDstSizeTooSmall()) {
          throw new CodecException("zstd: corrupt data (" + e.getMessage() + ")", e);
        }
        if (room >= limit) {
          throw DecodeLimits.exceeded(ID, -1, limit);
        }
        capacity = (int) Math.min(limit, Math.max(4096L, 2L * room));
      }
    }
  }

  /**
   * The frame header's content size, or -1 (unknown) / -2 (not a frame). zstd-jni 1.5.5, which Spark
   * 3.5 ships, lacks getFrameContentSize; decompressedSize returns the same value in 1.5.5 and 1.5.6.
   */
  @SuppressWarnings("deprecation")
  private static long frameContentSize(byte[] src, int off, int len) {
    return Zstd.decompressedSize(src, off, len);
  }

  @Override
  public ByteSlice encode(ByteSlice decoded, EncodeContext ctx) {
    int bound = (int) Math.min(Integer.MAX_VALUE - 16, Zstd.compressBound(decoded.length()));
    byte[] out = ctx.scratch(bound);
    if (out == decoded.array()) {
      out = new byte[bound];
    }
    ZstdCompressCtx cctx = COMPRESSOR.get();
    cctx.reset();
    // numcodecs 0.11 can only decode frames that declare their content size
    cctx.setLevel(level).setContentSize(true).setChecksum(false);
    try {
      int n = cctx.compressByteArray(out, 0, bound, decoded.array(), decoded.offset(), decoded.length());
      return new ByteSlice(out, 0, n);
    } catch (ZstdException e) {
      throw new CodecException("zstd: compression failed (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ZstdCodec && ((ZstdCodec) o).level == level;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, level);
  }

  @Override
  public String toString() {
    return "zstd(level=" + level + ")";
  }

  /** Creates {@link ZstdCodec} from {@code {"id": "zstd", "level": 1}} (numcodecs' default level 1). */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      int level = c.intValue("level", 1);
      if (level > Zstd.maxCompressionLevel() || level < Zstd.minCompressionLevel()) {
        throw c.invalid("level", Zstd.minCompressionLevel() + ".." + Zstd.maxCompressionLevel(), c.get("level"));
      }
      return new ZstdCodec(level);
    }
  }
}
