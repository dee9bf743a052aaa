package org.lindi.codec.blosc;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.xerial.snappy.Snappy;

/**
 * The codecs Blosc applies to each stream of a block, with c-blosc 1.21's codes: {@link #code()}
 * (the compressor id of the {@code cname}) and {@link #format()} (bits 5-7 of the header flags,
 * shared by lz4 and lz4hc). Each decodes one stream into exactly the expected number of bytes and
 * encodes one stream within a byte budget, the way c-blosc's wrappers call the libraries.
 */
enum BloscCompressor {
  BLOSCLZ("blosclz", 0, 0) {
    @Override
    int decompress(byte[] src, int s, int len, byte[] dst, int d, int expected) {
      return BloscLz.decompress(src, s, len, dst, d, expected);
    }

    @Override
    int compress(int clevel, byte[] src, int s, int len, byte[] dst, int d, int maxOut) {
      return BloscLz.compress(clevel, src, s, len, dst, d, maxOut, Resources.get().hashTable());
    }
  },
  LZ4("lz4", 1, 1) {
    @Override
    int decompress(byte[] src, int s, int len, byte[] dst, int d, int expected) {
      return lz4Decompress(src, s, len, dst, d, expected);
    }

    @Override
    int compress(int clevel, byte[] src, int s, int len, byte[] dst, int d, int maxOut) {
      return lz4Compress(Lz4.FAST, src, s, len, dst, d, maxOut);
    }
  },
  LZ4HC("lz4hc", 2, 1) {
    @Override
    int decompress(byte[] src, int s, int len, byte[] dst, int d, int expected) {
      return lz4Decompress(src, s, len, dst, d, expected);
    }

    @Override
    int compress(int clevel, byte[] src, int s, int len, byte[] dst, int d, int maxOut) {
      return lz4Compress(Lz4.HIGH[clevel], src, s, len, dst, d, maxOut);
    }
  },
  SNAPPY("snappy", 3, 2) {
    @Override
    int decompress(byte[] src, int s, int len, byte[] dst, int d, int expected) {
      try {
        // snappy-java trusts the declared length, so it is checked before anything is written
        if (Snappy.uncompressedLength(src, s, len) != expected) {
          return -1;
        }
        return Snappy.uncompress(src, s, len, dst, d);
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }

    @Override
    int compress(int clevel, byte[] src, int s, int len, byte[] dst, int d, int maxOut) {
      byte[] buffer = Resources.get().buffer(Snappy.maxCompressedLength(len));
      try {
        int n = Snappy.compress(src, s, len, buffer, 0);
        return copyIfFits(buffer, n, dst, d, maxOut);
      } catch (IOException e) {
        return 0;
      }
    }
  },
  ZLIB("zlib", 4, 3) {
    @Override
    int decompress(byte[] src, int s, int len, byte[] dst, int d, int expected) {
      Inflater inflater = Resources.get().inflater();
      inflater.reset();
      inflater.setInput(src, s, len);
      int produced = 0;
      int stalls = 0;
      try {
        while (true) {
          int n = inflater.inflate(dst, d + produced, expected - produced);
          produced += n;
          if (inflater.finished()) {
            return produced;
          }
          // no progress: truncated, needs a dictionary, or longer than expected
          if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || ++stalls > 1)) {
            return -1;
          }
        }
      } catch (DataFormatException e) {
        return -1;
      }
    }

    @Override
    int compress(int clevel, byte[] src, int s, int len, byte[] dst, int d, int maxOut) {
      Deflater deflater = Resources.get().deflater();
      deflater.reset();
      deflater.setLevel(clevel);
      deflater.setInput(src, s, len);
      deflater.finish();
      int produced = 0;
      int stalls = 0;
      while (!deflater.finished() && produced < maxOut && stalls < 2) {
        int n = deflater.deflate(dst, d + produced, maxOut - produced);
        produced += n;
        stalls = n == 0 ? stalls + 1 : 0; // a level change may take one call without output
      }
      return deflater.finished() ? produced : 0;
    }
  },
  ZSTD("zstd", 5, 4) {
    @Override
    int decompress(byte[] src, int s, int len, byte[] dst, int d, int expected) {
      try {
        return Resources.get().zstdDecompressor()
            .decompressByteArray(dst, d, expected, src, s, len);
      } catch (RuntimeException e) {
        return -1;
      }
    }

    @Override
    int compress(int clevel, byte[] src, int s, int len, byte[] dst, int d, int maxOut) {
      // c-blosc's mapping of its 1..9 to zstd levels
      int level = clevel < 9 ? clevel * 2 - 1 : Zstd.maxCompressionLevel();
      if (clevel == 8) {
        level = Zstd.maxCompressionLevel() - 2;
      }
      ZstdCompressCtx ctx = Resources.get().zstdCompressor();
      ctx.setLevel(level);
      try {
        return ctx.compressByteArray(dst, d, maxOut, src, s, len);
      } catch (RuntimeException e) {
        return 0; // does not fit
      }
    }
  };

  private final String cname;
  private final int code;
  private final int format;

  BloscCompressor(String cname, int code, int format) {
    this.cname = cname;
    this.code = code;
    this.format = format;
  }

  /** The name numcodecs and c-blosc use ({@code cname}). */
  String cname() {
    return cname;
  }

  /** c-blosc's compressor code (BLOSC_BLOSCLZ .. BLOSC_ZSTD). */
  int code() {
    return code;
  }

  /** The compressor format stored in bits 5-7 of the header flags. */
  int format() {
    return format;
  }

  /** Whether c-blosc treats it as a high-compression-ratio codec (bigger automatic blocks). */
  boolean highRatio() {
    return this == LZ4HC || this == ZLIB || this == ZSTD;
  }

  /**
   * Decodes one stream into {@code dst[d, d + expected)}; returns the number of bytes produced
   * (the caller requires exactly {@code expected}) or -1 when the stream is malformed.
   */
  abstract int decompress(byte[] src, int s, int len, byte[] dst, int d, int expected);

  /**
   * Encodes one stream into at most {@code maxOut} bytes at {@code dst[d]}; returns the encoded
   * length, or 0 when it does not fit.
   */
  abstract int compress(int clevel, byte[] src, int s, int len, byte[] dst, int d, int maxOut);

  /** The compressor of a {@code cname}, or null when c-blosc has no such compressor. */
  static BloscCompressor ofName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (BloscCompressor c : values()) {
      if (c.cname.equals(n)) {
        return c;
      }
    }
    return null;
  }

  /** The decoder of a header's compressor format, or null for an unknown format. */
  static BloscCompressor ofFormat(int format) {
    switch (format) {
      case 0:
        return BLOSCLZ;
      case 1:
        return LZ4;
      case 2:
        return SNAPPY;
      case 3:
        return ZLIB;
      case 4:
        return ZSTD;
      default:
        return null;
    }
  }

  private static int lz4Decompress(byte[] src, int s, int len, byte[] dst, int d, int expected) {
    try {
      return Lz4.DECOMPRESSOR.decompress(src, s, len, dst, d, expected);
    } catch (LZ4Exception | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  private static int lz4Compress(LZ4Compressor compressor, byte[] src, int s, int len,
      byte[] dst, int d, int maxOut) {
    // straight into the frame, as c-blosc does: lz4 gives up once the budget is used (no copy)
    try {
      return compressor.compress(src, s, len, dst, d, maxOut);
    } catch (LZ4Exception e) {
      return 0; // does not fit
    }
  }

  private static int copyIfFits(byte[] buffer, int n, byte[] dst, int d, int maxOut) {
    if (n > maxOut) {
      return 0;
    }
    System.arraycopy(buffer, 0, dst, d, n);
    return n;
  }

  /** lz4-java instances (thread safe), created on first use. */
  private static final class Lz4 {
    static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
    static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
    static final LZ4Compressor FAST = FACTORY.fastCompressor();
    /** By Blosc clevel 0..9 (c-blosc passes its clevel as the lz4hc level). */
    static final LZ4Compressor[] HIGH = new LZ4Compressor[10];

    static {
      for (int level = 0; level < HIGH.length; level++) {
        HIGH[level] = FACTORY.highCompressor(Math.max(level, 1));
      }
    }
  }

  /** Per-thread state that is costly to create (zlib, zstd contexts, buffers), made on use. */
  private static final class Resources {
    private static final ThreadLocal<Resources> PER_THREAD =
        ThreadLocal.withInitial(Resources::new);

    private Inflater inflater;
    private Deflater deflater;
    private ZstdDecompressCtx zstdDecompressor;
    private ZstdCompressCtx zstdCompressor;
    private int[] hashTable;
    private byte[] buffer = new byte[0];

    static Resources get() {
      return PER_THREAD.get();
    }

    Inflater inflater() {
      if (inflater == null) {
        inflater = new Inflater();
      }
      return inflater;
    }

    Deflater deflater() {
      if (deflater == null) {
        deflater = new Deflater();
      }
      return deflater;
    }

    ZstdDecompressCtx zstdDecompressor() {
      if (zstdDecompressor == null) {
        zstdDecompressor = new ZstdDecompressCtx();
      }
      return zstdDecompressor;
    }

    ZstdCompressCtx zstdCompressor() {
      if (zstdCompressor == null) {
        zstdCompressor = new ZstdCompressCtx();
      }
      return zstdCompressor;
    }

    int[] hashTable() {
      if (hashTable == null) {
        hashTable = new int[1 << 14];
      }
      return hashTable;
    }

    byte[] buffer(int size) {
      if (buffer.length < size) {
        buffer = new byte[size];
      }
      return buffer;
    }
  }
}
