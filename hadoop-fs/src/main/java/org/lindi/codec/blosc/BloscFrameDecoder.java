package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.getInt;

import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;
import org.lindi.error.LindiException;

/**
 * Decodes Blosc 1.x frames as c-blosc 1.21 does: the header, the {@code bstarts} table (blocks
 * may be stored in any order), each block as {@code typesize} streams or one stream (the split
 * rule below), streams stored raw when their size equals the decoded size, then byte or bit
 * unshuffling; memcpyed frames hold the data raw after the header. Every size and offset read
 * from the frame is checked before it is used.
 */
final class BloscFrameDecoder {
  /** c-blosc's MAX_SPLITS: blocks of larger types are never split. */
  static final int MAX_SPLITS = 16;
  /** c-blosc's MIN_BUFFERSIZE: blocks with fewer elements are never split. */
  static final int MIN_BUFFERSIZE = 128;
  /** c-blosc's BLOSC_MAX_BLOCKSIZE (so that two block buffers stay addressable). */
  static final int MAX_BLOCKSIZE = (Integer.MAX_VALUE - 255 * 4) / 3;

  private BloscFrameDecoder() {}

  static ByteSlice decode(ByteSlice frame, DecodeContext ctx) {
    BloscHeader h = BloscHeader.read(frame);
    checkHeader(h, frame.length(), ctx.maxDecodedBytes());
    int nbytes = h.nbytes();
    if (nbytes == 0) {
      return ByteSlice.EMPTY;
    }
    if (h.memcpyed()) {
      if (h.cbytes() != nbytes + BloscHeader.SIZE) {
        throw new CodecException("corrupt blosc frame: memcpyed frame of " + nbytes
            + " bytes has cbytes " + h.cbytes() + ", expected " + (nbytes + BloscHeader.SIZE));
      }
      return frame.slice(BloscHeader.SIZE, nbytes); // stored raw: no need to copy
    }
    BloscCompressor compressor = BloscCompressor.ofFormat(h.compressorFormat());
    if (compressor == null || h.versionLz() != BloscHeader.VERSION_LZ) {
      throw new CodecException("unsupported blosc compressor format " + h.compressorFormat()
          + " version " + h.versionLz() + " (" + h + ")");
    }
    int nblocks = h.blockCount();
    if (nblocks > (h.cbytes() - BloscHeader.SIZE) / 4) {
      throw new CodecException("corrupt blosc frame: " + nblocks + " blocks do not fit in cbytes "
          + h.cbytes() + " (" + h + ")");
    }
    ctx.markInput(frame.array());
    byte[] out = ctx.scratch(nbytes);
    try {
      decodeBlocks(h, compressor, frame, out, ctx, nblocks);
    } catch (LindiException e) {
      throw e;
    } catch (RuntimeException e) {
      // a guard: every bound is checked above and in decodeStreams, so this is a library bug
      throw new CodecException("corrupt blosc frame (" + h + "): " + e, e);
    }
    return new ByteSlice(out, 0, nbytes);
  }

  private static void checkHeader(BloscHeader h, int frameLength, long maxDecodedBytes) {
    if (h.version() != BloscHeader.VERSION) {
      throw new CodecException("unsupported blosc format version " + h.version()
          + " (Blosc 1.x frames have version " + BloscHeader.VERSION + "; " + h + ")");
    }
    if ((h.flags() & BloscHeader.RESERVED) != 0) {
      throw new CodecException("unsupported blosc frame: reserved flag bit 3 is set (" + h + ")");
    }
    if (h.nbytes() < 0) {
      throw new CodecException("corrupt blosc frame: negative nbytes (" + h + ")");
    }
    if (h.nbytes() > maxDecodedBytes) {
      throw new DecompressionLimitException("decompression size limit exceeded: header claims "
          + h.nbytes() + " bytes, at most " + maxDecodedBytes + " expected");
    }
    if (h.nbytes() == 0) {
      return;
    }
    if (h.typesize() == 0 || h.blocksize() <= 0 || h.blocksize() > h.nbytes()
        || h.blocksize() > MAX_BLOCKSIZE) {
      throw new CodecException("corrupt blosc frame: invalid typesize or blocksize (" + h + ")");
    }
    if (h.cbytes() < BloscHeader.SIZE || h.cbytes() > frameLength) {
      throw new CodecException("corrupt or truncated blosc frame: header cbytes " + h.cbytes()
          + " but " + frameLength + " bytes available (" + h + ")");
    }
  }

  private static void decodeBlocks(BloscHeader h, BloscCompressor compressor, ByteSlice frame,
      byte[] out, DecodeContext ctx, int nblocks) {
    int typesize = h.typesize();
    int blocksize = h.blocksize();
    boolean byteShuffle = h.byteShuffle() && typesize > 1;
    boolean bitShuffle = !byteShuffle && h.bitShuffle();
    // the decoded (still shuffled) block, then the scratch bit unshuffling goes through
    byte[] tmp = byteShuffle || bitShuffle
        ? ctx.temp(blocksize + (bitShuffle ? BitShuffle.scratchBytes(typesize, blocksize) : 0))
        : null;
    int leftover = h.nbytes() % blocksize;
    byte[] src = frame.array();
    int base = frame.offset();
    // 2-byte items: streams stored raw are unshuffled straight from the frame (c-blosc copies them)
    int[] rawAt = byteShuffle && typesize == 2 ? new int[2] : null;
    for (int j = 0; j < nblocks; j++) {
      int start = getInt(src, base + BloscHeader.SIZE + 4 * j);
      boolean last = j == nblocks - 1 && leftover > 0;
      int size = last ? leftover : blocksize;
      int dst = j * blocksize;
      // c-blosc leaves a block that holds less than one element unshuffled
      boolean bits = bitShuffle && size >= typesize;
      if (rawAt != null) {
        int nsplits = decodeStreams(h, compressor, src, base, start, size, last, tmp, 0, j, rawAt);
        unshuffle2(size, nsplits, rawAt, src, tmp, out, dst);
      } else if (byteShuffle || bits) {
        decodeStreams(h, compressor, src, base, start, size, last, tmp, 0, j, null);
        if (byteShuffle) {
          ByteShuffle.unshuffle(typesize, size, tmp, 0, out, dst);
        } else {
          BitShuffle.unshuffle(typesize, size, tmp, 0, out, dst, tmp, blocksize);
        }
      } else {
        decodeStreams(h, compressor, src, base, start, size, last, out, dst, j, null);
      }
    }
  }

  /**
   * Byte unshuffle of a block of 2-byte items whose {@code nsplits} streams were decoded into
   * {@code tmp} or, where {@code rawAt[s] >= 0}, are stored raw at {@code src[rawAt[s]]}.
   */
  private static void unshuffle2(int size, int nsplits, int[] rawAt, byte[] src, byte[] tmp,
      byte[] out, int dst) {
    int n = size / 2;
    byte[] plane0 = rawAt[0] >= 0 ? src : tmp;
    int p0 = rawAt[0] >= 0 ? rawAt[0] : 0;
    byte[] plane1 = plane0;
    int p1 = p0 + n;
    if (nsplits == 2 && rawAt[1] >= 0) {
      plane1 = src;
      p1 = rawAt[1];
    } else if (nsplits == 2) {
      plane1 = tmp;
      p1 = n;
    }
    ByteShuffle.unshuffle2(plane0, p0, plane1, p1, out, dst, n);
    if (size % 2 != 0) {
      out[dst + size - 1] = plane0[p0 + size - 1]; // one stream: the tail byte follows it
    }
  }

  /**
   * Decodes the streams of block {@code j} (relative offset {@code start}) into target[t...];
   * returns their number. With {@code rawAt}, a stream {@code s} stored raw is not copied:
   * {@code rawAt[s]} is set to its position in {@code src} (-1 for the streams decoded).
   */
  private static int decodeStreams(BloscHeader h, BloscCompressor compressor, byte[] src,
      int base, int start, int size, boolean leftover, byte[] target, int t, int j,
      int[] rawAt) {
    int typesize = h.typesize();
    int cbytes = h.cbytes();
    // c-blosc 1.21's rule; the size condition keeps frames from before the split flag readable
    boolean split = !h.dontSplit() && typesize <= MAX_SPLITS
        && size / typesize >= MIN_BUFFERSIZE && !leftover;
    int nsplits = split ? typesize : 1;
    if (size % nsplits != 0) {
      throw new CodecException("corrupt blosc frame: block " + j + " of " + size
          + " bytes cannot be split into " + nsplits + " streams (" + h + ")");
    }
    int neblock = size / nsplits;
    int offset = start;
    for (int s = 0; s < nsplits; s++) {
      if (offset < 0 || offset > cbytes - 4) {
        throw new CodecException("corrupt blosc frame: block " + j + " stream " + s
            + " starts at " + offset + ", outside the frame's " + cbytes + " bytes (" + h + ")");
      }
      int len = getInt(src, base + offset);
      offset += 4;
      if (len < 0 || len > cbytes - offset) {
        throw new CodecException("corrupt blosc frame: block " + j + " stream " + s
            + " claims " + len + " bytes at offset " + offset + ", past the frame's " + cbytes
            + " bytes (" + h + ")");
      }
      int produced;
      if (len == neblock && rawAt != null) {
        rawAt[s] = base + offset; // stored uncompressed: read in place
        produced = neblock;
      } else if (len == neblock) {
        System.arraycopy(src, base + offset, target, t, neblock); // stored uncompressed
        produced = neblock;
      } else {
        if (rawAt != null) {
          rawAt[s] = -1;
        }
        produced = compressor.decompress(src, base + offset, len, target, t, neblock);
      }
      if (produced != neblock) {
        throw new CodecException("corrupt blosc frame: block " + j + " stream " + s + " ("
            + compressor.cname() + ", " + len + " bytes at offset " + offset + ") "
            + (produced < 0 ? "is malformed" : "decodes to " + produced + " bytes")
            + ", expected " + neblock + " (" + h + ")");
      }
      offset += len;
      t += neblock;
    }
    return nsplits;
  }
}
