package org.lindi.codec.blosc;

import java.util.Objects;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.Codec;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.EncodeContext;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;

/**
 * numcodecs' {@code blosc} codec (Blosc 1.x frames as c-blosc 1.21 writes them) in pure Java, no
 * native Blosc library. Decoding reads everything from the frame header; the configuration
 * ({@code cname}, {@code clevel}, {@code shuffle}, {@code blocksize}) only matters for encoding,
 * so an unusual configuration never prevents reading.
 */
public final class BloscCodec implements Codec {
  /** numcodecs' AUTOSHUFFLE: bit shuffle for 1-byte items, byte shuffle otherwise. */
  public static final int AUTOSHUFFLE = -1;
  public static final int NOSHUFFLE = 0;
  public static final int SHUFFLE = 1;
  public static final int BITSHUFFLE = 2;

  private final String cname;
  private final int clevel;
  private final int shuffle;
  private final int blocksize;

  public BloscCodec(String cname, int clevel, int shuffle, int blocksize) {
    this.cname = Objects.requireNonNull(cname, "cname");
    this.clevel = clevel;
    this.shuffle = shuffle;
    this.blocksize = blocksize;
  }

  @Override
  public String id() {
    return "blosc";
  }

  public String cname() {
    return cname;
  }

  public int clevel() {
    return clevel;
  }

  public int shuffle() {
    return shuffle;
  }

  public int blocksize() {
    return blocksize;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext context) {
    return BloscFrameDecoder.decode(encoded, context);
  }

  /** Encodes with this configuration; the item size (typesize) comes from the context. */
  @Override
  public ByteSlice encode(ByteSlice decoded, EncodeContext context) {
    BloscCompressor compressor = BloscCompressor.ofName(cname);
    if (compressor == null) {
      throw new UnsupportedFeatureException("blosc compressor '" + cname
          + "' is not supported (use blosclz, lz4, lz4hc, snappy, zlib or zstd)");
    }
    if (clevel < 0 || clevel > 9) {
      throw new LindiFormatException("blosc clevel must be 0..9, got " + clevel);
    }
    if (shuffle < AUTOSHUFFLE || shuffle > BITSHUFFLE) {
      throw new LindiFormatException("blosc shuffle must be -1, 0, 1 or 2, got " + shuffle);
    }
    if (blocksize < 0) {
      throw new LindiFormatException("blosc blocksize must be 0 (automatic) or positive, got "
          + blocksize);
    }
    int itemSize = context.itemSize();
    if (itemSize < 1) {
      throw new LindiFormatException("blosc needs a positive item size, got " + itemSize);
    }
    int mode = shuffle != AUTOSHUFFLE ? shuffle : itemSize == 1 ? BITSHUFFLE : SHUFFLE;
    return BloscFrameEncoder.encode(
        decoded, itemSize, compressor, clevel, mode, blocksize, context);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BloscCodec)) {
      return false;
    }
    BloscCodec c = (BloscCodec) o;
    return cname.equals(c.cname) && clevel == c.clevel && shuffle == c.shuffle
        && blocksize == c.blocksize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(cname, clevel, shuffle, blocksize);
  }

  @Override
  public String toString() {
    return "BloscCodec[cname=" + cname + ", clevel=" + clevel + ", shuffle=" + shuffle
        + ", blocksize=" + blocksize + "]";
  }
}
