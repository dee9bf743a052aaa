package org.lindi.codec;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.lindi.error.CodecException;

/**
 * DEFLATE for the zlib and gzip codecs: per-thread {@link Inflater}/{@link Deflater} instances
 * (their native state is costly to create per chunk) and bounded inflate/deflate loops.
 */
final class DeflateStreams {
  private static final ThreadLocal<Inflater> ZLIB_INFLATER = ThreadLocal.withInitial(() -> new Inflater(false));
  private static final ThreadLocal<Inflater> RAW_INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));
  private static final ThreadLocal<Deflater> ZLIB_DEFLATER = ThreadLocal.withInitial(() -> new Deflater(6, false));
  private static final ThreadLocal<Deflater> RAW_DEFLATER = ThreadLocal.withInitial(() -> new Deflater(6, true));

  private DeflateStreams() {}

  /** This thread's inflater, reset, for zlib-wrapped ({@code raw == false}) or raw DEFLATE data. */
  static Inflater inflater(boolean raw) {
    Inflater inf = (raw ? RAW_INFLATER : ZLIB_INFLATER).get();
    inf.reset();
    return inf;
  }

  /** This thread's deflater, reset, at {@code level}. */
  static Deflater deflater(boolean raw, int level) {
    Deflater def = (raw ? RAW_DEFLATER : ZLIB_DEFLATER).get();
    def.reset();
    def.setLevel(level);
    return def;
  }

  /**
   * Inflates the input already set on {@code inf} into {@code out} until the end of the DEFLATE
   * stream; refuses output beyond the chunk's limit as it goes, and truncated or corrupt data.
   */
  static void inflate(Inflater inf, GrowingOutput out, DecodeContext ctx, String codec) {
    try {
      while (!inf.finished()) {
        if (out.room() == 0 && !out.grow()) {
          // at the limit: the stream must end here
          if (inf.inflate(ctx.temp(1), 0, 1) > 0) {
            throw DecodeLimits.exceeded(codec, -1, DecodeLimits.limit(ctx));
          }
          if (inf.finished()) {
            return;
          }
        } else {
          long before = inf.getBytesRead();
          int n = inf.inflate(out.array(), out.length(), out.room());
          out.advance(n);
          if (n > 0 || inf.finished() || inf.getBytesRead() != before) {
            continue;
          }
        }
        if (inf.needsDictionary()) {
          throw new CodecException(codec + ": stream needs a preset dictionary, which numcodecs never writes");
        }
        throw new CodecException(codec + ": truncated stream: input ends before the end of the DEFLATE data");
      }
    } catch (DataFormatException e) {
      throw new CodecException(codec + ": corrupt DEFLATE data (" + e.getMessage() + ")", e);
    }
  }

  /** zlib's compressBound, plus room for a gzip header and trailer. */
  static int bound(int n) {
    return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 13 + 18;
  }

  /**
   * Deflates {@code src} into {@code out} after its first {@code pos} bytes; returns the bytes
   * {@code [0, end)}, in an array that has {@code reserve} spare bytes after {@code end}. A bigger
   * array replaces {@code out} (copied) only if zlib's bound was not enough.
   */
  static ByteSlice deflate(Deflater def, ByteSlice src, byte[] out, int pos, int reserve) {
    def.setInput(src.array(), src.offset(), src.length());
    def.finish();
    byte[] buf = out;
    int p = pos;
    while (true) {
      if (buf.length - p <= reserve) {
        byte[] bigger = new byte[Math.max(64, buf.length * 2) + reserve];
        System.arraycopy(buf, 0, bigger, 0, p);
        buf = bigger;
      }
      if (def.finished()) {
        return new ByteSlice(buf, 0, p);
      }
      p += def.deflate(buf, p, buf.length - p - reserve);
    }
  }
}
