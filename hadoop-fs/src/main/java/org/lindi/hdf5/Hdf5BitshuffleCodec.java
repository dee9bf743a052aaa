package org.lindi.hdf5;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.Codec;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.blosc.BitShuffle;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;

/**
 * The HDF5 bitshuffle filter (id 32008) as a codec, id {@code "hdf5-bitshuffle"}: blocks of
 * elements bit-shuffled one by one (the last block cut to a multiple of 8 elements, the remaining
 * elements stored as they are at the end). With compression 2 (LZ4) or 3 (zstd) the chunk starts
 * with an 8-byte big-endian decoded size and a 4-byte big-endian block size in bytes, and each
 * block is stored as a 4-byte big-endian size and an LZ4 block or zstd frame.
 */
public final class Hdf5BitshuffleCodec implements Codec {
  public static final String ID = "hdf5-bitshuffle";
  public static final int NO_COMPRESSION = 0;
  public static final int LZ4_COMPRESSION = 2;
  public static final int ZSTD_COMPRESSION = 3;
  /** The bitshuffle library's default block: about 8 KiB of elements, a multiple of 8, at least 128. */
  private static final int TARGET_BLOCK_BYTES = 8192;
  private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestJavaInstance().safeDecompressor();

  private final int itemSize;
  private final int blockSize;
  private final int compression;

  /**
   * @param itemSize bytes per element (the filter's client data value 2)
   * @param blockSize elements per block, 0 for the library default (value 3)
   * @param compression 0 none, 2 LZ4, 3 zstd (value 4)
   */
  public Hdf5BitshuffleCodec(int itemSize, int blockSize, int compression) {
    if (itemSize <= 0 || blockSize < 0 || blockSize % 8 != 0
        || (compression != NO_COMPRESSION && compression != LZ4_COMPRESSION
            && compression != ZSTD_COMPRESSION)) {
      throw new CodecException("hdf5-bitshuffle: invalid element size " + itemSize
          + ", block size " + blockSize + " or compression " + compression);
    }
    this.itemSize = itemSize;
    this.blockSize = blockSize;
    this.compression = compression;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext context) {
    byte[] in = encoded.array();
    int pos = encoded.offset();
    int end = pos + encoded.length();
    long total = encoded.length();
    int block = blockSize != 0 ? blockSize : defaultBlock(itemSize);
    if (compression != NO_COMPRESSION) {
      if (encoded.length() < 12) {
        throw new CodecException("hdf5-bitshuffle chunk of " + encoded.length()
            + " bytes is shorter than its 12-byte header");
      }
      total = bigEndian(in, pos, 8);
      long blockBytes = bigEndian(in, pos + 8, 4);
      pos += 12;
      if (blockBytes <= 0 || blockBytes % itemSize != 0 || (blockBytes / itemSize) % 8 != 0) {
        throw new CodecException("hdf5-bitshuffle chunk has a block of " + blockBytes + " bytes");
      }
      block = (int) (blockBytes / itemSize);
    }
    if (total < 0 || total > context.maxDecodedBytes()) {
      throw new DecompressionLimitException("hdf5-bitshuffle chunk claims " + total
          + " decoded bytes, more than the " + context.maxDecodedBytes() + " expected");
    }
    if (total % itemSize != 0) {
      throw new CodecException("hdf5-bitshuffle chunk of " + total + " bytes is not a whole number"
          + " of " + itemSize + "-byte elements");
    }
    int elements = (int) (total / itemSize);
    byte[] out = context.scratch((int) total);
    // intermediate byte planes, only for item sizes other than 1, 2, 4 and 8 bytes
    int scratchBytes = BitShuffle.scratchBytes(itemSize, Math.min(block, elements) * itemSize);
    byte[] scratch = scratchBytes == 0 ? null : new byte[scratchBytes];
    int done = 0;
    while (done < elements - elements % 8) {
      int n = Math.min(block, elements - done);
      n -= n % 8;
      int bytes = n * itemSize;
      if (compression == NO_COMPRESSION) {
        need(end - pos, bytes, done);
        BitShuffle.unshuffle(itemSize, bytes, in, pos, out, done * itemSize, scratch, 0);
        pos += bytes;
      } else {
        need(end - pos, 4, done);
        long stored = bigEndian(in, pos, 4);
        pos += 4;
        need(end - pos, stored, done);
        byte[] plain = context.temp(bytes);
        inflate(in, pos, (int) stored, plain, bytes, done);
        BitShuffle.unshuffle(itemSize, bytes, plain, 0, out, done * itemSize, scratch, 0);
        pos += (int) stored;
      }
      done += n;
    }
    int rest = (elements - done) * itemSize;
    need(end - pos, rest, done);
    System.arraycopy(in, pos, out, done * itemSize, rest);
    return new ByteSlice(out, 0, (int) total);
  }

  private void inflate(byte[] in, int at, int length, byte[] out, int expected, int element) {
    int n;
    try {
      if (compression == LZ4_COMPRESSION) {
        n = LZ4.decompress(in, at, length, out, 0, expected);
      } else {
        long frame = Zstd.decompressedSize(in, at, length);
        if (frame != expected) {
          throw new CodecException("hdf5-bitshuffle zstd block at element " + element
              + " declares " + frame + " bytes, expected " + expected);
        }
        n = (int) Zstd.decompressByteArray(out, 0, expected, in, at, length);
      }
    } catch (LZ4Exception | ZstdException e) {
      throw new CodecException("hdf5-bitshuffle block at element " + element + " does not decode",
          e);
    }
    if (n != expected) {
      throw new CodecException("hdf5-bitshuffle block at element " + element + " decodes to " + n
          + " bytes, expected " + expected);
    }
  }

  private static void need(long available, long wanted, int element) {
    if (wanted < 0 || wanted > available) {
      throw new CodecException("hdf5-bitshuffle chunk is truncated at element " + element);
    }
  }

  static int defaultBlock(int itemSize) {
    int block = TARGET_BLOCK_BYTES / itemSize;
    return Math.max(block - block % 8, 128);
  }

  private static long bigEndian(byte[] b, int at, int width) {
    long v = 0;
    for (int i = 0; i < width; i++) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Hdf5BitshuffleCodec)) {
      return false;
    }
    Hdf5BitshuffleCodec c = (Hdf5BitshuffleCodec) o;
    return itemSize == c.itemSize && blockSize == c.blockSize && compression == c.compression;
  }

  @Override
  public int hashCode() {
    return (itemSize * 31 + blockSize) * 31 + compression;
  }

  @Override
  public String toString() {
    return "Hdf5BitshuffleCodec[elementsize=" + itemSize + ", blocksize=" + blockSize
        + ", compression=" + compression + "]";
  }
}
