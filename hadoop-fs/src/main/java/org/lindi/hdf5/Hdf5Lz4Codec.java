package org.lindi.hdf5;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.Codec;
import org.lindi.codec.DecodeContext;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;

/**
 * The HDF5 lz4 filter (id 32004) as a codec, id {@code "hdf5-lz4"}: an 8-byte big-endian total
 * size and a 4-byte big-endian block size, then per block a 4-byte big-endian compressed size and
 * an LZ4 block (stored raw when the compressed size equals the block size). Differs from numcodecs'
 * {@code lz4}, which has one little-endian size prefix.
 */
public final class Hdf5Lz4Codec implements Codec {
  public static final String ID = "hdf5-lz4";
  private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestJavaInstance().safeDecompressor();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext context) {
    byte[] in = encoded.array();
    int pos = encoded.offset();
    int end = pos + encoded.length();
    if (encoded.length() < 12) {
      throw new CodecException("hdf5-lz4 chunk of " + encoded.length() + " bytes is shorter than its"
          + " 12-byte header");
    }
    long total = bigEndian(in, pos, 8);
    long blockSize = bigEndian(in, pos + 8, 4);
    pos += 12;
    if (total < 0 || total > context.maxDecodedBytes()) {
      throw new DecompressionLimitException("hdf5-lz4 chunk claims " + total
          + " decoded bytes, more than the " + context.maxDecodedBytes() + " expected");
    }
    if (blockSize <= 0 && total > 0) {
      throw new CodecException("hdf5-lz4 chunk has a block size of " + blockSize);
    }
    blockSize = Math.min(blockSize, total);
    byte[] out = context.scratch((int) total);
    int done = 0;
    while (done < total) {
      int block = (int) Math.min(blockSize, total - done);
      if (end - pos < 4) {
        throw new CodecException("hdf5-lz4 chunk is truncated at block offset " + done);
      }
      long compressed = bigEndian(in, pos, 4);
      pos += 4;
      if (compressed > end - pos) {
        throw new CodecException("hdf5-lz4 block at " + done + " claims " + compressed
            + " bytes, only " + (end - pos) + " remain");
      }
      if (compressed == block) {
        System.arraycopy(in, pos, out, done, block);
      } else {
        int n;
        try {
          n = LZ4.decompress(in, pos, (int) compressed, out, done, block);
        } catch (LZ4Exception e) {
          throw new CodecException("hdf5-lz4 block at " + done + " is not valid LZ4", e);
        }
        if (n != block) {
          throw new CodecException("hdf5-lz4 block at " + done + " decodes to " + n
              + " bytes, expected " + block);
        }
      }
      pos += (int) compressed;
      done += block;
    }
    return new ByteSlice(out, 0, (int) total);
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
    return o instanceof Hdf5Lz4Codec;
  }

  @Override
  public int hashCode() {
    return ID.hashCode();
  }

  @Override
  public String toString() {
    return "Hdf5Lz4Codec";
  }
}
