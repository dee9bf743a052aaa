package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.DType;
import org.tukaani.xz.ARM64Options;
import org.tukaani.xz.ARMOptions;
import org.tukaani.xz.ARMThumbOptions;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.DeltaOptions;
import org.tukaani.xz.FilterOptions;
import org.tukaani.xz.IA64Options;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.MemoryLimitException;
import org.tukaani.xz.PowerPCOptions;
import org.tukaani.xz.RISCVOptions;
import org.tukaani.xz.SPARCOptions;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.X86Options;
import org.tukaani.xz.XZInputStream;

/**
 * numcodecs {@code lzma} (Python's {@code lzma} module): format 1 = xz (the default; several
 * streams allowed), 2 = legacy {@code .lzma} ("alone"), 0 = either, 3 = raw with a filter chain
 * (delta, BCJ, LZMA1 or LZMA2). Decoded with xz-java; dictionaries come from a shared array cache.
 */
public final class LzmaCodec implements Codec {
  public static final String ID = "lzma";

  public static final int FORMAT_AUTO = 0;
  public static final int FORMAT_XZ = 1;
  public static final int FORMAT_ALONE = 2;
  public static final int FORMAT_RAW = 3;

  private static final long FILTER_LZMA1 = 0x4000000000000001L;
  private static final long FILTER_LZMA2 = 0x21;
  private static final long FILTER_DELTA = 0x03;
  private static final int PRESET_DEFAULT = 6;
  /** Dictionaries up to the largest preset's are always allowed, whatever the chunk's limit. */
  private static final long DICT_ALWAYS_ALLOWED = 64L << 20;
  private static final ArrayCache CACHE = BasicArrayCache.getInstance();

  private final int format;
  private final List<Filter> filters;

  private LzmaCodec(int format, List<Filter> filters) {
    this.format = format;
    this.filters = filters;
  }

  /** An xz, alone or auto-detecting codec (no filter chain). */
  public static LzmaCodec of(int format) {
    if (format < FORMAT_AUTO || format > FORMAT_ALONE) {
      throw new IllegalArgumentException("lzma format " + format + " needs a filter chain or is unknown");
    }
    return new LzmaCodec(format, Collections.emptyList());
  }

  @Override
  public String id() {
    return ID;
  }

  public int format() {
    return format;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    if (encoded.length() == 0) {
      throw new CodecException("lzma: empty chunk (input ended before the end of the stream)");
    }
    GrowingOutput out = new GrowingOutput(ctx, ID, encoded.length());
    int limit = DecodeLimits.limit(ctx);
    InputStream raw = new ByteArrayInputStream(encoded.array(), encoded.offset(), encoded.length());
    try (InputStream in = open(raw, encoded, limit)) {
      out.readFully(in);
    } catch (MemoryLimitException e) {
      throw new DecompressionLimitException("lzma: the stream needs " + e.getMemoryNeeded()
          + " KiB of decoder memory, more than the " + e.getMemoryLimit() + " KiB allowed for this chunk", e);
    } catch (IOException e) {
      throw new CodecException("lzma: corrupt or truncated data (" + e.getMessage() + ")", e);
    } catch (LindiException e) {
      throw e;
    } catch (RuntimeException e) { // xz-java reports some corrupt headers this way
      throw new CodecException("lzma: corrupt data (" + e + ")", e);
    }
    return out.slice();
  }

  private InputStream open(InputStream raw, ByteSlice encoded, int limit) throws IOException {
    int memoryLimitKiB = (int) Math.min(Integer.MAX_VALUE, (Math.max(limit, DICT_ALWAYS_ALLOWED) >> 10) + 1024);
    switch (format) {
      case FORMAT_XZ:
        return new XZInputStream(raw, memoryLimitKiB, true, CACHE);
      case FORMAT_ALONE:
        return openAlone(raw, encoded, limit);
      case FORMAT_AUTO:
        return isXz(encoded) ? new XZInputStream(raw, memoryLimitKiB, true, CACHE) : openAlone(raw, encoded, limit);
      default:
        return openRaw(raw, limit);
    }
  }

  private static boolean isXz(ByteSlice b) {
    byte[] magic = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    if (b.length() < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b.get(i) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** The 13-byte .lzma header: properties, dictionary size, decoded size (-1 when unknown). */
  private static InputStream openAlone(InputStream raw, ByteSlice encoded, int limit) throws IOException {
    if (encoded.length() < 13) {
      throw new CodecException("lzma: truncated .lzma header (" + encoded.length() + " bytes)");
    }
    byte props = encoded.get(0);
    long dict = 0;
    for (int i = 4; i >= 1; i--) {
      dict = dict << 8 | (encoded.get(i) & 0xff);
    }
    long size = 0;
    for (int i = 12; i >= 5; i--) {
      size = size << 8 | (encoded.get(i) & 0xff);
    }
    if (size != -1 && (size < 0 || size > limit)) {
      throw DecodeLimits.exceeded(ID, size, limit);
    }
    if (raw.skip(13) != 13) {
      throw new CodecException("lzma: truncated .lzma header");
    }
    return new LZMAInputStream(raw, size, props, dictionary(dict, limit), null, CACHE);
  }

  private InputStream openRaw(InputStream raw, int limit) throws IOException {
    Filter last = filters.get(filters.size() - 1);
    InputStream in;
    if (last.id == FILTER_LZMA1) {
      in = new LZMAInputStream(raw, -1, last.lc, last.lp, last.pb, dictionary(last.dictSize, limit), null, CACHE);
    } else {
      LZMA2Options o = new LZMA2Options();
      o.setDictSize(dictionary(last.dictSize, limit));
      in = o.getInputStream(raw, CACHE);
    }
    for (int i = filters.size() - 2; i >= 0; i--) {
      in = filters.get(i).options().getInputStream(in, CACHE);
    }
    return in;
  }

  /**
   * The dictionary to allocate: no decoder needs more than the chunk's decoded size, so a header's
   * claim beyond it is not trusted with memory.
   */
  private static int dictionary(long declared, int limit) {
    long d = declared < 0 ? DICT_ALWAYS_ALLOWED : declared;
    d = Math.min(d, Math.max(limit, 4096));
    return (int) Math.max(4096, Math.min(d, LZMA2Options.DICT_SIZE_MAX));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LzmaCodec && ((LzmaCodec) o).format == format && ((LzmaCodec) o).filters.equals(filters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, format, filters);
  }

  @Override
  public String toString() {
    return "lzma(format=" + format + (filters.isEmpty() ? "" : ", filters=" + filters) + ")";
  }

  /** One filter of a raw chain, with the options decoding needs. */
  private static final class Filter {
    final long id;
    final long dictSize;
    final int lc;
    final int lp;
    final int pb;
    final int dist;
    final int startOffset;

    Filter(long id, long dictSize, int lc, int lp, int pb, int dist, int startOffset) {
      this.id = id;
      this.dictSize = dictSize;
      this.lc = lc;
      this.lp = lp;
      this.pb = pb;
      this.dist = dist;
      this.startOffset = startOffset;
    }

    static Filter parse(JsonNode f, CodecConfig c) {
      if (!f.isObject() || f.get("id") == null || !f.get("id").canConvertToLong()) {
        throw c.invalid("filters", "a list of objects with an integer 'id'", f);
      }
      CodecConfig fc = CodecConfig.of(f, ID);
      long id = f.get("id").asLong();
      if (id == FILTER_LZMA1 || id == FILTER_LZMA2) {
        int preset = fc.intValue("preset", PRESET_DEFAULT) & 0x1f; // without the "extreme" flag
        LZMA2Options defaults;
        try {
          defaults = new LZMA2Options(preset);
        } catch (UnsupportedOptionsException e) {
          throw fc.invalid("preset", "0..9", f.get("preset"));
        }
        JsonNode dict = fc.get("dict_size");
        long dictSize = dict != null ? dict.asLong() : defaults.getDictSize();
        return new Filter(id, dictSize, fc.intValue("lc", defaults.getLc()), fc.intValue("lp", defaults.getLp()),
            fc.intValue("pb", defaults.getPb()), 0, 0);
      }
      if (id == FILTER_DELTA) {
        int dist = fc.intValue("dist", 1);
        if (dist < DeltaOptions.DISTANCE_MIN || dist > DeltaOptions.DISTANCE_MAX) {
          throw fc.invalid("dist", "1..256", f.get("dist"));
        }
        return new Filter(id, 0, 0, 0, 0, dist, 0);
      }
      if (id >= 4 && id <= 11) {
        return new Filter(id, 0, 0, 0, 0, 0, fc.intValue("start_offset", 0));
      }
      throw new UnsupportedFeatureException("lzma: unknown filter id " + id);
    }

    boolean isLzma() {
      return id == FILTER_LZMA1 || id == FILTER_LZMA2;
    }

    /** A delta or BCJ filter's xz-java options. */
    FilterOptions options() throws UnsupportedOptionsException {
      if (id == FILTER_DELTA) {
        return new DeltaOptions(dist);
      }
      switch ((int) id) {
        case 4: {
          X86Options o = new X86Options();
          o.setStartOffset(startOffset);
          return o;
        }
        case 5: {
          PowerPCOptions o = new PowerPCOptions();
          o.setStartOffset(startOffset);
          return o;
        }
        case 6: {
          IA64Options o = new IA64Options();
          o.setStartOffset(startOffset);
          return o;
        }
        case 7: {
          ARMOptions o = new ARMOptions();
          o.setStartOffset(startOffset);
          return o;
        }
        case 8: {
          ARMThumbOptions o = new ARMThumbOptions();
          o.setStartOffset(startOffset);
          return o;
        }
        case 9: {
          SPARCOptions o = new SPARCOptions();
          o.setStartOffset(startOffset);
          return o;
        }
        case 10: {
          ARM64Options o = new ARM64Options();
          o.setStartOffset(startOffset);
          return o;
        }
        default: {
          RISCVOptions o = new RISCVOptions();
          o.setStartOffset(startOffset);
          return o;
        }
      }
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Filter)) {
        return false;
      }
      Filter f = (Filter) o;
      return id == f.id && dictSize == f.dictSize && lc == f.lc && lp == f.lp && pb == f.pb && dist == f.dist
          && startOffset == f.startOffset;
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, dictSize, lc, lp, pb, dist, startOffset);
    }

    @Override
    public String toString() {
      return "{id=" + id + (isLzma() ? ", dict_size=" + dictSize : id == FILTER_DELTA ? ", dist=" + dist : "") + "}";
    }
  }

  /** Creates {@link LzmaCodec} from {@code {"id": "lzma", "format": 1, "check": -1, "preset": null, "filters": null}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      int format = c.intValue("format", FORMAT_XZ);
      JsonNode list = c.get("filters");
      if (format < FORMAT_AUTO || format > FORMAT_RAW) {
        throw c.invalid("format", "0 (auto), 1 (xz), 2 (alone) or 3 (raw)", c.get("format"));
      }
      if (format != FORMAT_RAW) {
        // xz and alone streams carry their own filter chain
        return new LzmaCodec(format, Collections.emptyList());
      }
      if (list == null || !list.isArray() || list.size() == 0 || list.size() > 4) {
        throw c.invalid("filters", "a list of 1 to 4 filters for the raw format", list);
      }
      List<Filter> filters = new ArrayList<>();
      for (JsonNode f : list) {
        filters.add(Filter.parse(f, c));
      }
      for (int i = 0; i < filters.size(); i++) {
        if (filters.get(i).isLzma() != (i == filters.size() - 1)) {
          throw new LindiFormatException("codec 'lzma': the raw filter chain must end with LZMA1 or LZMA2, and only there: " + list);
        }
      }
      return new LzmaCodec(format, Collections.unmodifiableList(filters));
    }
  }
}
