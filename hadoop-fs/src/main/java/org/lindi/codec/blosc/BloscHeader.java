package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.getInt;
import static org.lindi.codec.blosc.LittleEndian.putInt;

import java.util.Objects;
import org.lindi.codec.ByteSlice;
import org.lindi.error.CodecException;

/**
 * The 16-byte header of a Blosc 1.x frame: format version, compressor version, flags, typesize,
 * then little-endian {@code nbytes} (decoded size), {@code blocksize} and {@code cbytes} (frame
 * size including the header). Flags: bit 0 byte shuffle, bit 1 memcpyed (data stored raw after the
 * header), bit 2 bit shuffle, bit 3 reserved, bit 4 "don't split", bits 5-7 compressor format.
 */
public final class BloscHeader {
  /** Size of the header, and c-blosc's BLOSC_MAX_OVERHEAD. */
  public static final int SIZE = 16;
  /** The frame format c-blosc 1.x writes and reads. */
  static final int VERSION = 2;
  /** The stream format version of every c-blosc 1.x compressor. */
  static final int VERSION_LZ = 1;
  static final int BYTE_SHUFFLE = 0x01;
  static final int MEMCPYED = 0x02;
  static final int BIT_SHUFFLE = 0x04;
  static final int RESERVED = 0x08;
  static final int DONT_SPLIT = 0x10;

  private final int version;
  private final int versionLz;
  private final int flags;
  private final int typesize;
  private final int nbytes;
  private final int blocksize;
  private final int cbytes;

  BloscHeader(int version, int versionLz, int flags, int typesize, int nbytes, int blocksize,
      int cbytes) {
    this.version = version;
    this.versionLz = versionLz;
    this.flags = flags;
    this.typesize = typesize;
    this.nbytes = nbytes;
    this.blocksize = blocksize;
    this.cbytes = cbytes;
  }

  /** Reads the header at the start of {@code frame}; only checks that 16 bytes are there. */
  public static BloscHeader read(ByteSlice frame) {
    if (frame.length() < SIZE) {
      throw new CodecException("blosc frame of " + frame.length()
          + " bytes is shorter than its " + SIZE + "-byte header");
    }
    byte[] a = frame.array();
    int o = frame.offset();
    return new BloscHeader(a[o] & 0xFF, a[o + 1] & 0xFF, a[o + 2] & 0xFF, a[o + 3] & 0xFF,
        getInt(a, o + 4), getInt(a, o + 8), getInt(a, o + 12));
  }

  /** Writes the header at {@code out[offset]}. */
  void write(byte[] out, int offset) {
    out[offset] = (byte) version;
    out[offset + 1] = (byte) versionLz;
    out[offset + 2] = (byte) flags;
    out[offset + 3] = (byte) typesize;
    putInt(out, offset + 4, nbytes);
    putInt(out, offset + 8, blocksize);
    putInt(out, offset + 12, cbytes);
  }

  public int version() {
    return version;
  }

  public int versionLz() {
    return versionLz;
  }

  public int flags() {
    return flags;
  }

  public int typesize() {
    return typesize;
  }

  /** Decoded size in bytes. */
  public int nbytes() {
    return nbytes;
  }

  public int blocksize() {
    return blocksize;
  }

  /** Frame size in bytes, header included. */
  public int cbytes() {
    return cbytes;
  }

  public boolean byteShuffle() {
    return (flags & BYTE_SHUFFLE) != 0;
  }

  public boolean bitShuffle() {
    return (flags & BIT_SHUFFLE) != 0;
  }

  public boolean memcpyed() {
    return (flags & MEMCPYED) != 0;
  }

  /** Whether blocks are stored as one stream each instead of one stream per byte of the type. */
  public boolean dontSplit() {
    return (flags & DONT_SPLIT) != 0;
  }

  /** Compressor format, flag bits 5-7: 0 blosclz, 1 lz4/lz4hc, 2 snappy, 3 zlib, 4 zstd. */
  public int compressorFormat() {
    return flags >>> 5;
  }

  /** Number of blocks, the last one possibly short; requires a positive blocksize. */
  public int blockCount() {
    return nbytes / blocksize + (nbytes % blocksize > 0 ? 1 : 0);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BloscHeader)) {
      return false;
    }
    BloscHeader h = (BloscHeader) o;
    return version == h.version && versionLz == h.versionLz && flags == h.flags
        && typesize == h.typesize && nbytes == h.nbytes && blocksize == h.blocksize
        && cbytes == h.cbytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, versionLz, flags, typesize, nbytes, blocksize, cbytes);
  }

  @Override
  public String toString() {
    return "BloscHeader[version=" + version + ", versionlz=" + versionLz + ", flags=0x"
        + Integer.toHexString(flags) + ", typesize=" + typesize + ", nbytes=" + nbytes
        + ", blocksize=" + blocksize + ", cbytes=" + cbytes + "]";
  }
}
