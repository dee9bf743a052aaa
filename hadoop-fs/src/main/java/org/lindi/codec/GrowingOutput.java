package org.lindi.codec;

import java.io.IOException;
import java.io.InputStream;
import org.lindi.error.CodecException;

/**
 * The output of a stream decoder: a scratch array of the {@link DecodeContext} that grows, by
 * copying, up to the chunk's decoded size limit and never beyond it.
 */
final class GrowingOutput {
  private final DecodeContext ctx;
  private final String codec;
  private final int limit;
  private byte[] array;
  private int length;

  GrowingOutput(DecodeContext ctx, String codec, int inputLength) {
    this.ctx = ctx;
    this.codec = codec;
    this.limit = DecodeLimits.limit(ctx);
    this.array = ctx.scratch(DecodeLimits.initialCapacity(ctx, inputLength));
  }

  byte[] array() {
    return array;
  }

  int length() {
    return length;
  }

  void advance(int n) {
    length += n;
  }

  /** Bytes that may still be written at {@link #length()} without growing. */
  int room() {
    return Math.min(array.length, limit) - length;
  }

  /** Makes {@link #room()} positive; false when the limit is reached. */
  boolean grow() {
    int capacity = Math.min(array.length, limit);
    if (capacity >= limit) {
      return false;
    }
    int next = (int) Math.min(limit, Math.max(4096L, 2L * capacity));
    byte[] bigger = ctx.scratch(next);
    System.arraycopy(array, 0, bigger, 0, length);
    array = bigger;
    return true;
  }

  /** Reads {@code in} to its end; refuses output beyond the limit. */
  void readFully(InputStream in) throws IOException {
    while (true) {
      if (room() == 0 && !grow()) {
        if (in.read() >= 0) {
          throw DecodeLimits.exceeded(codec, -1, limit);
        }
        return;
      }
      int n = in.read(array, length, room());
      if (n < 0) {
        return;
      }
      if (n == 0) {
        throw new CodecException(codec + ": decoder made no progress");
      }
      length += n;
    }
  }

  ByteSlice slice() {
    return new ByteSlice(array, 0, length);
  }
}
