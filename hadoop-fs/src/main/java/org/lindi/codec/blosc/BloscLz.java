package org.lindi.codec.blosc;

import static org.lindi.codec.blosc.LittleEndian.getInt;
import static org.lindi.codec.blosc.LittleEndian.getLong;
import static org.lindi.codec.blosc.LittleEndian.putLong;

import java.util.Arrays;

/**
 * BloscLZ, Blosc's own LZ77 format (a FastLZ level-1 variant), in pure Java.
 *
 * <p>A stream is a sequence of tokens; the high 3 bits of a token's first byte give its kind:
 * <ul>
 *   <li>{@code 000LLLLL}: a literal run of {@code L + 1} bytes (1..32) that follow the token;
 *   <li>{@code lllDDDDD dddddddd} ({@code lll} = 1..6): a match of {@code lll + 2} bytes at
 *       distance {@code (DDDDD << 8 | dddddddd) + 1};
 *   <li>{@code 111DDDDD (255)* x dddddddd}: a long match of {@code 9 + sum(255s) + x} bytes;
 *   <li>either match form with {@code DDDDD = 31} and {@code dddddddd = 255} is followed by two
 *       big-endian bytes {@code D}: a far match at distance {@code D + 8192}.
 * </ul>
 * The first token is always a literal run, its byte carrying the format marker {@code 0x20}. As in
 * c-blosc, a stream must end with a literal run (a trailing match is an error).
 */
final class BloscLz {
  private static final int MAX_COPY = 32;
  /** Largest biased distance (distance - 1) of a near match, exclusive. */
  private static final int MAX_DISTANCE = 8191;
  /** Largest distance a far match can express (two bytes beyond MAX_DISTANCE). */
  private static final int MAX_FAR_DISTANCE = 65535 + MAX_DISTANCE;
  private static final int HASH_LOG = 14;
  /** Bytes at the end of the input that the match search leaves to the final literal run. */
  private static final int TAIL = 12;

  private BloscLz() {}

  /**
   * Decodes one stream into {@code out[outOff, outOff + maxOut)}; returns the number of bytes
   * written, or -1 when the stream is malformed or would write more than {@code maxOut} bytes.
   */
  static int decompress(byte[] in, int inOff, int inLen, byte[] out, int outOff, int maxOut) {
    if (inLen <= 0) {
      return inLen == 0 ? 0 : -1;
    }
    int ip = inOff;
    int ipEnd = inOff + inLen;
    int op = outOff;
    int opEnd = outOff + maxOut;
    int ctrl = in[ip++] & 31;
    while (true) {
      if (ctrl < 32) {
        int run = ctrl + 1;
        if (run > opEnd - op || run > ipEnd - ip) {
          return -1;
        }
        if (ipEnd - ip >= MAX_COPY && opEnd - op >= MAX_COPY) {
          // copy a whole 32 bytes: the excess lies inside the block and is overwritten next
          putLong(out, op, getLong(in, ip));
          putLong(out, op + 8, getLong(in, ip + 8));
          if (run > 16) {
            putLong(out, op + 16, getLong(in, ip + 16));
            putLong(out, op + 24, getLong(in, ip + 24));
          }
        } else {
          System.arraycopy(in, ip, out, op, run);
        }
        op += run;
        ip += run;
        if (ip >= ipEnd) {
          return op - outOff;
        }
        ctrl = in[ip++] & 0xFF;
        continue;
      }
      int len = (ctrl >>> 5) + 2;
      int distance = (ctrl & 31) << 8;
      if (len == 9) {
        int extra;
        do {
          if (ip >= ipEnd) {
            return -1;
          }
          extra = in[ip++] & 0xFF;
          len += extra;
          if (len > maxOut) {
            return -1;
          }
        } while (extra == 255);
      }
      if (ip >= ipEnd) {
        return -1;
      }
      int code = in[ip++] & 0xFF;
      distance += code;
      if (code == 255 && distance == (31 << 8) + 255) {
        if (ip + 2 > ipEnd) {
          return -1;
        }
        distance = ((in[ip] & 0xFF) << 8 | (in[ip + 1] & 0xFF)) + MAX_DISTANCE;
        ip += 2;
      }
      if (ip >= ipEnd) {
        return -1; // c-blosc drops a trailing match, leaving the block short
      }
      int ref = op - distance - 1;
      if (len > opEnd - op || ref < outOff) {
        return -1;
      }
      boolean room = opEnd - op >= len + 8;
      if (distance >= 7 && room) {
        // source and target are 8 or more bytes apart: copy 8 bytes at a time, overshooting
        for (int k = 0; k < len; k += 8) {
          putLong(out, op + k, getLong(out, ref + k));
        }
      } else if (distance == 0 && room && len <= 64) {
        long run = (out[ref] & 0xFFL) * 0x0101010101010101L;
        for (int k = 0; k < len; k += 8) {
          putLong(out, op + k, run);
        }
      } else if (distance == 0) {
        Arrays.fill(out, op, op + len, out[ref]);
      } else {
        // overlapping source and target (the match repeats a short period): byte by byte
        for (int k = 0; k < len; k++) {
          out[op + k] = out[ref + k];
        }
      }
      op += len;
      ctrl = in[ip++] & 0xFF;
    }
  }

  /** Bytes the entropy probe looks at, at most (c-blosc 1.21's {@code 1 << HASH_LOG2}). */
  private static final int PROBE_BYTES = 1 << 12;
  /** By clevel: the probe's estimated ratio under which c-blosc 1.21 stores a stream raw. */
  private static final double[] MIN_PROBE_RATIO = {0, 2, 1.5, 1.2, 1.2, 1.2, 1.2, 1.15, 1.1, 1.0};

  /**
   * Encodes a stream as c-blosc 1.21 decides to: first a cheap "entropy probe" of at most 4 KB in
   * the last quarter of the stream estimates the compression ratio, and a stream whose estimate is
   * under the clevel's threshold is left raw (returns 0) without being searched at all: a full
   * search through incompressible data costs as much as one through compressible data, which is why
   * c-blosc is so fast on noise. Otherwise as {@link #compress(byte[], int, int, byte[], int, int,
   * int[])}.
   */
  static int compress(int clevel, byte[] in, int inOff, int len, byte[] out, int outOff,
      int maxOut, int[] table) {
    if (len < 16) {
      return 0;
    }
    int window = len / 4;
    double ratio = probeRatio(in, inOff + len - window, Math.min(window, PROBE_BYTES), table);
    if (ratio < MIN_PROBE_RATIO[Math.max(0, Math.min(9, clevel))]) {
      return 0;
    }
    return compress(in, inOff, len, out, outOff, maxOut, table);
  }

  /**
   * Input bytes per output byte of a quick greedy encoding of {@code in[from, from + len)} that
   * only counts what it would write (one literal byte per miss, 2 or 4 bytes per match of 3 or
   * more bytes); the hash search uses the first 4096 entries of {@code table}.
   */
  static double probeRatio(byte[] in, int from, int len, int[] table) {
    if (len < 16) {
      return 0;
    }
    // positions are stored as they are; the filler is so far back that it is never a candidate
    Arrays.fill(table, 0, PROBE_BYTES, Integer.MIN_VALUE / 2);
    int limit = from + len - 12;
    int bound = from + len - 1;
    int ip = from;
    int anchor = from;
    long oc = 1; // the token of the first literal run
    while (ip < limit) {
      int seq = getInt(in, ip);
      int h = (seq * 0x9E3779B1) >>> (32 - 12);
      int candidate = table[h];
      table[h] = ip;
      // the miss path is the hot one on noise: keep it to a load, a store and two compares
      if (ip - candidate >= MAX_FAR_DISTANCE || getInt(in, candidate) != seq) {
        ip++;
        continue;
      }
      int matchLen = 4 + commonLength(in, candidate + 4, ip + 4, bound);
      if (matchLen < 5) { // c-blosc's probe: the match minus its 3-byte bias must be 2 or more
        ip++;
        continue;
      }
      int run = ip - anchor;
      int code = matchLen - 2;
      // the literals since the last match (one token per 32, the first one counted already),
      // the match, and the token of the next literal run c-blosc assumes
      oc += run + (run > 0 ? (run - 1) / MAX_COPY : -1)
          + (code >= 7 ? (code - 7) / 255 + 1 : 0) + (ip - candidate - 1 >= MAX_DISTANCE ? 4 : 2)
          + 1;
      ip += matchLen;
      anchor = ip;
    }
    int run = ip - anchor;
    oc += run + (run > 0 ? (run - 1) / MAX_COPY : -1);
    return (ip - from) / (double) Math.max(1, oc);
  }

  /**
   * Encodes {@code in[inOff, inOff + len)} into at most {@code maxOut} bytes of {@code out} with a
   * greedy hash-chain-free search; returns the encoded length, or 0 when it does not fit (the
   * caller then stores the bytes raw). {@code table} holds {@code 1 << 14} ints of scratch.
   */
  static int compress(byte[] in, int inOff, int len, byte[] out, int outOff, int maxOut,
      int[] table) {
    if (len < 16) {
      return 0;
    }
    Arrays.fill(table, 0);
    int searchEnd = inOff + len - TAIL;
    int matchEnd = inOff + len - 4;
    int op = outOff;
    int opEnd = outOff + maxOut;
    int anchor = inOff;
    int ip = inOff + 1;
    int misses = 0;
    while (ip < searchEnd) {
      int seq = getInt(in, ip);
      int h = hash(seq);
      int candidate = table[h] - 1 + inOff;
      table[h] = ip - inOff + 1;
      int distance = ip - candidate;
      if (candidate < inOff || distance >= MAX_FAR_DISTANCE || getInt(in, candidate) != seq) {
        ip += 1 + (misses++ >>> 6); // like lz4: step faster through data that does not compress
        continue;
      }
      int matchLen = 4 + commonLength(in, candidate + 4, ip + 4, matchEnd);
      boolean far = distance - 1 >= MAX_DISTANCE;
      if (far && matchLen < 8) {
        ip++;
        continue;
      }
      op = literals(in, anchor, ip - anchor, out, op, opEnd);
      if (op < 0) {
        return 0;
      }
      op = match(matchLen, distance - 1, out, op, opEnd);
      if (op < 0) {
        return 0;
      }
      ip += matchLen;
      anchor = ip;
      misses = 0;
      if (ip < searchEnd) {
        table[hash(getInt(in, ip - 2))] = ip - 2 - inOff + 1;
        table[hash(getInt(in, ip - 1))] = ip - 1 - inOff + 1;
      }
    }
    op = literals(in, anchor, inOff + len - anchor, out, op, opEnd);
    if (op < 0) {
      return 0;
    }
    out[outOff] |= 1 << 5; // the format marker on the first (literal) token
    return op - outOff;
  }

  private static int hash(int seq) {
    return (seq * 0x9E3779B1) >>> (32 - HASH_LOG);
  }

  /** Length of the common prefix of {@code in[a...]} and {@code in[b...]} (b > a) before end. */
  private static int commonLength(byte[] in, int a, int b, int end) {
    int start = b;
    while (b + 8 <= end) {
      long diff = getLong(in, a) ^ getLong(in, b);
      if (diff != 0) {
        return b - start + (Long.numberOfTrailingZeros(diff) >>> 3);
      }
      a += 8;
      b += 8;
    }
    while (b < end && in[a] == in[b]) {
      a++;
      b++;
    }
    return b - start;
  }

  /** Writes literal runs of at most 32 bytes; returns the new output position or -1. */
  private static int literals(byte[] in, int from, int count, byte[] out, int op, int opEnd) {
    while (count > 0) {
      int run = Math.min(count, MAX_COPY);
      if (run + 1 > opEnd - op) {
        return -1;
      }
      out[op++] = (byte) (run - 1);
      System.arraycopy(in, from, out, op, run);
      op += run;
      from += run;
      count -= run;
    }
    return op;
  }

  /** Writes one match token; {@code biased} is the distance minus one. */
  private static int match(int matchLen, int biased, byte[] out, int op, int opEnd) {
    int code = matchLen - 2;
    boolean far = biased >= MAX_DISTANCE;
    int extra = code < 7 ? 0 : (code - 7) / 255 + 1;
    if (2 + extra + (far ? 3 : 0) > opEnd - op) {
      return -1;
    }
    int high = far ? 31 : biased >>> 8;
    out[op++] = (byte) ((Math.min(code, 7) << 5) | high);
    if (code >= 7) {
      int rest = code - 7;
      for (; rest >= 255; rest -= 255) {
        out[op++] = (byte) 255;
      }
      out[op++] = (byte) rest;
    }
    if (far) {
      int d = biased - MAX_DISTANCE;
      out[op++] = (byte) 255;
      out[op++] = (byte) (d >>> 8);
      out[op++] = (byte) d;
    } else {
      out[op++] = (byte) biased;
    }
    return op;
  }
}
