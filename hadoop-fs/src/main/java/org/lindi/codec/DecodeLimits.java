package org.lindi.codec;

import org.lindi.error.DecompressionLimitException;

/** The bomb checks every decoder makes before it allocates or writes decoded bytes. */
final class DecodeLimits {
  /** Up to this limit a stream decoder allocates the whole limit at once: one pass, no copies. */
  private static final int ALLOCATE_LIMIT_AT_ONCE = 4 << 20;

  private DecodeLimits() {}

  /** The limit of the current chunk as an array size. */
  static int limit(DecodeContext ctx) {
    return (int) Math.min(ctx.maxDecodedBytes(), Integer.MAX_VALUE - 16);
  }

  /** {@code size} as an int, or a {@link DecompressionLimitException} when it is above the limit. */
  static int check(long size, DecodeContext ctx, String codec) {
    int limit = limit(ctx);
    if (size > limit) {
      throw exceeded(codec, size, limit);
    }
    return (int) size;
  }

  static DecompressionLimitException exceeded(String codec, long size, long limit) {
    String what = size < 0 ? "more than " + limit : String.valueOf(size);
    return new DecompressionLimitException(
        codec + ": decoded size " + what + " bytes exceeds the limit of " + limit + " bytes for this chunk");
  }

  /**
   * First output capacity of a decoder that learns its output size as it goes: the whole limit
   * when it is small, else a guess from the input size (the scratch buffer keeps what it grew to,
   * so later chunks of the same size decode in one pass).
   */
  static int initialCapacity(DecodeContext ctx, int inputLength) {
    int limit = limit(ctx);
    if (limit <= ALLOCATE_LIMIT_AT_ONCE) {
      return limit;
    }
    return (int) Math.min(limit, Math.max(ALLOCATE_LIMIT_AT_ONCE, 8L * inputLength));
  }
}
