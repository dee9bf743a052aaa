package org.lindi.write;

import java.util.Objects;
import org.lindi.codec.CodecRegistry;

/**
 * How a writer lays out what it writes: the size of a new lindi1 RFS region, JSON and NUL padding
 * (SPEC 2.1: 1 MiB, so the first chunk starts at 1049600), the size under which chunks are stored inline in the RFS (LINDI uses 1000 bytes),
 * and the codec registry used to encode chunks. Immutable; start from {@link #defaults()}.
 */
public final class WriteOptions {
  /** Bytes of a new lindi1 RFS region (JSON and padding): the first chunk starts at 1024 + 1 MiB. */
  public static final long DEFAULT_RFS_REGION = 1L << 20;
  /** Chunks shorter than this are stored inline, as LINDI's Python package does. */
  public static final int DEFAULT_INLINE_LIMIT = 1000;

  private static final WriteOptions DEFAULTS =
      new WriteOptions(DEFAULT_RFS_REGION, DEFAULT_INLINE_LIMIT, null);

  private final long rfsRegion;
  private final int inlineLimit;
  private final CodecRegistry codecs;

  private WriteOptions(long rfsRegion, int inlineLimit, CodecRegistry codecs) {
    if (rfsRegion < 1 || inlineLimit < 0) {
      throw new IllegalArgumentException("rfsRegion " + rfsRegion + " must be positive and "
          + "inlineLimit " + inlineLimit + " not negative");
    }
    this.rfsRegion = rfsRegion;
    this.inlineLimit = inlineLimit;
    this.codecs = codecs;
  }

  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Size of a new or relocated lindi1 RFS region (the JSON and its NUL padding); doubled, as
   * LINDI does, until it is at least twice the JSON.
   */
  public WriteOptions withRfsRegion(long bytes) {
    return new WriteOptions(bytes, inlineLimit, codecs);
  }

  /** Chunks shorter than {@code bytes} go inline into the RFS; 0 never inlines. */
  public WriteOptions withInlineLimit(int bytes) {
    return new WriteOptions(rfsRegion, bytes, codecs);
  }

  public WriteOptions withCodecs(CodecRegistry registry) {
    return new WriteOptions(rfsRegion, inlineLimit, registry);
  }

  public long rfsRegion() {
    return rfsRegion;
  }

  public int inlineLimit() {
    return inlineLimit;
  }

  public CodecRegistry codecs() {
    return codecs != null ? codecs : CodecRegistry.defaultRegistry();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WriteOptions)) {
      return false;
    }
    WriteOptions w = (WriteOptions) o;
    return rfsRegion == w.rfsRegion && inlineLimit == w.inlineLimit
        && Objects.equals(codecs, w.codecs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rfsRegion, inlineLimit);
  }

  @Override
  public String toString() {
    return "WriteOptions{rfsRegion=" + rfsRegion + ", inlineLimit=" + inlineLimit + "}";
  }
}
