package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.putInt;

import org.lindi.codec.ByteSlice;
import org.lindi.codec.EncodeContext;
import org.lindi.error.CodecException;

/**
 * Writes Blosc 1.x frames the way c-blosc 1.21's {@code blosc_compress_ctx} does with its default
 * split mode ("forward compatible"): the automatic block size of {@code compute_blocksize}, blocks
 * split into one stream per byte of the type for every compressor but zstd, streams that do not
 * shrink stored raw, and a memcpyed frame for clevel 0, inputs under 128 bytes and data that does
 * not fit in {@code nbytes + 16} bytes. The streams themselves need not be byte-identical to
 * c-blosc's; the frames are what c-blosc decodes.
 */
final class BloscFrameEncoder {
  /** c-blosc's L1: the base of the automatic block size. */
  private static final int L1 = 32 * 1024;
  /** c-blosc's BLOSC_MAX_TYPESIZE: larger types are compressed as bytes. */
  private static final int MAX_TYPESIZE = 255;
  /** c-blosc's BLOSC_MAX_BUFFERSIZE. */
  static final int MAX_BUFFERSIZE = Integer.MAX_VALUE - BloscHeader.SIZE;

  private final BloscCompressor compressor;
  private final int clevel;
  private final int typesize;
  private final int nbytes;
  private final int blocksize;
  private final boolean split;
  private final boolean byteShuffle;
  private final boolean bitShuffle;
  private final int flags;

  private BloscFrameEncoder(BloscCompressor compressor, int clevel, int shuffle, int itemSize,
      int nbytes, int forcedBlocksize) {
    this.compressor = compressor;
    this.clevel = clevel;
    this.typesize = itemSize > MAX_TYPESIZE ? 1 : itemSize;
    this.nbytes = nbytes;
    this.blocksize = blocksize(compressor, clevel, typesize, nbytes, forcedBlocksize);
    this.split = splits(compressor, typesize, blocksize);
    this.byteShuffle = shuffle == 1;
    this.bitShuffle = shuffle == 2;
    this.flags = (byteShuffle ? BloscHeader.BYTE_SHUFFLE : 0)
        | (bitShuffle ? BloscHeader.BIT_SHUFFLE : 0)
        | (split ? 0 : BloscHeader.DONT_SPLIT)
        | compressor.format() << 5;
  }

  /**
   * Encodes {@code data} of items of {@code itemSize} bytes; {@code shuffle} is 0 (none), 1 (byte)
   * or 2 (bit), {@code forcedBlocksize} 0 for automatic.
   */
  static ByteSlice encode(ByteSlice data, int itemSize, BloscCompressor compressor, int clevel,
      int shuffle, int forcedBlocksize, EncodeContext ctx) {
    if (data.length() > MAX_BUFFERSIZE) {
      throw new CodecException("blosc cannot encode " + data.length() + " bytes (at most "
          + MAX_BUFFERSIZE + ")");
    }
    BloscFrameEncoder encoder = new BloscFrameEncoder(
        compressor, clevel, shuffle, itemSize, data.length(), forcedBlocksize);
    int capacity = data.length() + BloscHeader.SIZE;
    byte[] out = ctx.scratch(capacity);
    if (out == data.array()) {
      out = new byte[capacity]; // the data came from the same context: do not overwrite it
    }
    int cbytes = encoder.write(data, out, ctx);
    return new ByteSlice(out, 0, cbytes);
  }

  /** c-blosc 1.21's {@code compute_blocksize}. */
  static int blocksize(BloscCompressor compressor, int clevel, int typesize, int nbytes,
      int forced) {
    if (nbytes < typesize) {
      return 1;
    }
    int blocksize = nbytes;
    if (forced > 0) {
      blocksize = Math.min(Math.max(forced, BloscFrameDecoder.MIN_BUFFERSIZE),
          BloscFrameDecoder.MAX_BLOCKSIZE);
    } else if (nbytes >= L1) {
      blocksize = L1;
      if (compressor.highRatio()) {
        blocksize *= 2;
      }
      switch (clevel) {
        case 0:
          blocksize /= 4;
          break;
        case 1:
          blocksize /= 2;
          break;
        case 2:
          break;
        case 3:
          blocksize *= 2;
          break;
        case 4:
        case 5:
          blocksize *= 4;
          break;
        case 6:
        case 7:
        case 8:
          blocksize *= 8;
          break;
        default:
          blocksize *= compressor.highRatio() ? 16 : 8;
          break;
      }
    }
    if (clevel > 0 && splits(compressor, typesize, blocksize)) {
      // splitting codecs get blocks of typesize streams, each at most 256 KB, in 64 KB .. 1 MB
      blocksize = Math.min(blocksize, 1 << 18) * typesize;
      blocksize = Math.min(Math.max(blocksize, 1 << 16), 1 << 20);
    }
    blocksize = Math.min(blocksize, nbytes);
    if (blocksize > typesize) {
      blocksize = blocksize / typesize * typesize;
    }
    return blocksize;
  }

  /** c-blosc 1.21's {@code split_block} in its default "forward compatible" mode. */
  static boolean splits(BloscCompressor compressor, int typesize, int blocksize) {
    return compressor != BloscCompressor.ZSTD && typesize <= BloscFrameDecoder.MAX_SPLITS
        && blocksize / typesize >= BloscFrameDecoder.MIN_BUFFERSIZE;
  }

  /** Writes the frame into {@code out} (at least nbytes + 16 bytes); returns its size. */
  private int write(ByteSlice data, byte[] out, EncodeContext ctx) {
    int cbytes = clevel > 0 && nbytes >= BloscFrameDecoder.MIN_BUFFERSIZE
        ? compress(data, out, ctx) : 0;
    int frameFlags = flags;
    if (cbytes == 0) {
      frameFlags |= BloscHeader.MEMCPYED;
      cbytes = nbytes + BloscHeader.SIZE;
      System.arraycopy(data.array(), data.offset(), out, BloscHeader.SIZE, nbytes);
    }
    new BloscHeader(BloscHeader.VERSION, BloscHeader.VERSION_LZ, frameFlags, typesize, nbytes,
        blocksize, cbytes).write(out, 0);
    return cbytes;
  }

  /** The compressed frame's size, or 0 when it does not fit (the caller then memcpys). */
  private int compress(ByteSlice data, byte[] out, EncodeContext ctx) {
    int nblocks = nbytes / blocksize + (nbytes % blocksize > 0 ? 1 : 0);
    int leftover = nbytes % blocksize;
    // the shuffled block, and for bit shuffling the scratch it goes through
    long tmpSize = bitShuffle ? (long) blocksize + BitShuffle.scratchBytes(typesize, blocksize)
        : byteShuffle ? blocksize : 0;
    if (tmpSize > MAX_BUFFERSIZE) {
      throw new CodecException("blosc cannot bit-shuffle blocks of " + blocksize + " bytes");
    }
    // reused: a new block buffer per chunk costs its zeroing; never the data itself
    byte[] tmp = ctx.temp((int) tmpSize);
    if (tmp == data.array()) {
      tmp = new byte[(int) tmpSize];
    }
    int limit = nbytes + BloscHeader.SIZE;
    int pos = BloscHeader.SIZE + 4 * nblocks;
    for (int j = 0; j < nblocks; j++) {
      putInt(out, BloscHeader.SIZE + 4 * j, pos);
      boolean last = j == nblocks - 1 && leftover > 0;
      int size = last ? leftover : blocksize;
      byte[] src = data.array();
      int s = data.offset() + j * blocksize;
      if (byteShuffle && typesize > 1) {
        ByteShuffle.shuffle(typesize, size, src, s, tmp, 0);
        src = tmp;
        s = 0;
      } else if (bitShuffle && size >= typesize) {
        BitShuffle.shuffle(typesize, size, src, s, tmp, 0, tmp, blocksize);
        src = tmp;
        s = 0;
      }
      int nsplits = split && !last ? typesize : 1;
      int neblock = size / nsplits;
      for (int k = 0; k < nsplits; k++) {
        pos += 4;
        int room = limit - pos;
        if (room <= 0) {
          return 0;
        }
        int len = compressor.compress(
            clevel, src, s + k * neblock, neblock, out, pos, Math.min(neblock, room));
        if (len <= 0 || len >= neblock) {
          if (neblock > room) {
            return 0;
          }
          System.arraycopy(src, s + k * neblock, out, pos, neblock); // did not shrink: raw
          len = neblock;
        }
        putInt(out, pos - 4, len);
        pos += len;
      }
    }
    return pos;
  }
}
