package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import org.lindi.error.CodecException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code gzip}: one or more RFC 1952 members, optionally followed by NUL padding (as
 * Python's {@code gzip} module reads them); each member's CRC-32 and length are verified.
 */
public final class GzipCodec implements Codec {
  public static final String ID = "gzip";

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final int level;

  public GzipCodec(int level) {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("gzip level must be 0..9, got " + level);
    }
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
    byte[] in = encoded.array();
    int pos = encoded.offset();
    int end = pos + encoded.length();
    GrowingOutput out = new GrowingOutput(ctx, ID, encoded.length());
    CRC32 crc = new CRC32();
    while (pos < end) {
      pos = skipHeader(in, pos, end);
      Inflater inf = DeflateStreams.inflater(true);
      inf.setInput(in, pos, end - pos);
      int start = out.length();
      DeflateStreams.inflate(inf, out, ctx, ID);
      pos = end - inf.getRemaining();
      if (end - pos < 8) {
        throw new CodecException("gzip: truncated member: no CRC-32 and length trailer at input byte "
            + (pos - encoded.offset()));
      }
      crc.reset();
      crc.update(out.array(), start, out.length() - start);
      long storedCrc = le32(in, pos);
      long storedSize = le32(in, pos + 4);
      if (storedCrc != crc.getValue()) {
        throw new CodecException("gzip: CRC-32 mismatch: member says " + Long.toHexString(storedCrc)
            + ", data has " + Long.toHexString(crc.getValue()));
      }
      if (storedSize != ((out.length() - start) & 0xffffffffL)) {
        throw new CodecException("gzip: member length mismatch: trailer says " + storedSize
            + " bytes, decoded " + (out.length() - start));
      }
      pos += 8;
      // Python's gzip reader skips NUL padding between and after members
      while (pos < end && in[pos] == 0) {
        pos++;
      }
    }
    return out.slice();
  }

  /** Position of the DEFLATE data of the member whose header starts at {@code pos}. */
  private static int skipHeader(byte[] in, int pos, int end) {
    if (end - pos < 10) {
      throw new CodecException("gzip: truncated member header (" + (end - pos) + " bytes)");
    }
    if ((in[pos] & 0xff) != 0x1f || (in[pos + 1] & 0xff) != 0x8b) {
      throw new CodecException("gzip: not a gzip member (magic " + String.format("%02x%02x", in[pos], in[pos + 1]) + ")");
    }
    if (in[pos + 2] != 8) {
      throw new CodecException("gzip: unknown compression method " + in[pos + 2]);
    }
    int flags = in[pos + 3] & 0xff;
    int p = pos + 10;
    if ((flags & FEXTRA) != 0) {
      if (end - p < 2) {
        throw new CodecException("gzip: truncated extra field");
      }
      p += 2 + ((in[p] & 0xff) | (in[p + 1] & 0xff) << 8);
    }
    if ((flags & FNAME) != 0) {
      p = skipZeroTerminated(in, p, end, "file name");
    }
    if ((flags & FCOMMENT) != 0) {
      p = skipZeroTerminated(in, p, end, "comment");
    }
    if ((flags & FHCRC) != 0) {
      p += 2;
    }
    if (p > end) {
      throw new CodecException("gzip: truncated member header");
    }
    return p;
  }

  private static int skipZeroTerminated(byte[] in, int p, int end, String what) {
    while (p < end && in[p] != 0) {
      p++;
    }
    if (p >= end) {
      throw new CodecException("gzip: unterminated " + what + " in member header");
    }
    return p + 1;
  }

  private static long le32(byte[] b, int p) {
    return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
  }

  @Override
  public ByteSlice encode(ByteSlice decoded, EncodeContext ctx) {
    int bound = DeflateStreams.bound(decoded.length());
    byte[] out = ctx.scratch(bound);
    if (out == decoded.array()) {
      out = new byte[bound];
    }
    // header as Python's GzipFile writes it, with mtime 0 and no file name
    out[0] = 0x1f;
    out[1] = (byte) 0x8b;
    out[2] = 8;
    for (int i = 3; i < 8; i++) {
      out[i] = 0;
    }
    out[8] = (byte) (level == 9 ? 2 : level == 1 ? 4 : 0);
    out[9] = (byte) 255;
    ByteSlice body = DeflateStreams.deflate(DeflateStreams.deflater(true, level), decoded, out, 10, 8);
    byte[] buf = body.array();
    int p = body.length();
    CRC32 crc = new CRC32();
    crc.update(decoded.array(), decoded.offset(), decoded.length());
    putLe32(buf, p, crc.getValue());
    putLe32(buf, p + 4, decoded.length());
    return new ByteSlice(buf, 0, p + 8);
  }

  private static void putLe32(byte[] b, int p, long v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GzipCodec && ((GzipCodec) o).level == level;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, level);
  }

  @Override
  public String toString() {
    return "gzip(level=" + level + ")";
  }

  /** Creates {@link GzipCodec} from {@code {"id": "gzip", "level": 1}} (numcodecs' default level 1). */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      int level = c.intValue("level", 1);
      if (level < 0 || level > 9) {
        throw c.invalid("level", "0..9", c.get("level"));
      }
      return new GzipCodec(level);
    }
  }
}
