package org.lindi.rfs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Sorts keys packed in a byte pool into unsigned byte order, equal keys by entry index (so the
 * last put of a key ends its run). An MSD sort on 7-byte words: keys of one array share a long
 * prefix ({@code acquisition/ElectricalSeries/data/}), which it passes in linear sweeps instead of
 * comparing it again in every one of the n log n comparisons; each word level is a stable sort
 * of primitive longs (counting bytes for large ranges, merging for small ones).
 */
final class KeySort {
  /** Bytes of a key per word; the low byte of a word says how many of them the key has. */
  private static final int WORD_BYTES = 7;
  private static final int SMALL = 24;
  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  /** Ranges from this size on are sorted by counting bytes rather than by merging. */
  private static final int RADIX_MIN = 512;

  private final byte[] pool;
  private final int[] start;
  private final int[] order;
  private final long[] word;
  private final long[] wordTmp;
  private final int[] orderTmp;
  /** Whether two keys were found equal (the caller then keeps only the last of each). */
  private boolean equalKeys;

  private KeySort(byte[] pool, int[] start, int n) {
    this.pool = pool;
    this.start = start;
    this.order = new int[n];
    this.word = new long[n];
    this.wordTmp = new long[n];
    this.orderTmp = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
  }

  /** Entry indexes of the {@code n} keys {@code pool[start[i], start[i + 1])} in key order. */
  static int[] sort(byte[] pool, int[] start, int n) {
    return sorted(pool, start, n).order;
  }

  /** The sort of the {@code n} keys {@code pool[start[i], start[i + 1])}, done. */
  static KeySort sorted(byte[] pool, int[] start, int n) {
    KeySort s = new KeySort(pool, start, n);
    s.sort(0, n, 0);
    return s;
  }

  /** Entry indexes in key order, equal keys by entry index. */
  int[] order() {
    return order;
  }

  /**
   * The sort's three work arrays of n entries (two {@code long[]}, one {@code int[]}), free once it
   * is done: the caller may fill them as output columns instead of allocating (and touching) new
   * ones, which for a million keys costs more than the sort itself.
   */
  long[] spareLongs1() {
    return word;
  }

  /** See {@link #spareLongs1()}. */
  long[] spareLongs2() {
    return wordTmp;
  }

  /** See {@link #spareLongs1()}. */
  int[] spareInts() {
    return orderTmp;
  }

  /** Whether some keys are equal: when not, no entry needs to be compared with its neighbour. */
  boolean hasEqualKeys() {
    return equalKeys;
  }

  private void sort(int from, int to, int depth) {
    while (to - from > 1) {
      if (to - from <= SMALL) {
        insertionSort(from, to, depth);
        return;
      }
      long first = word(order[from], depth);
      boolean allEqual = true;
      for (int k = from; k < to; k++) {
        long w = word(order[k], depth);
        word[k] = w;
        allEqual &= w == first;
      }
      if (allEqual) {
        if (goesOn(first)) {
          depth += WORD_BYTES; // A shared prefix: one linear sweep per word, no comparisons.
          continue;
        }
        Arrays.sort(order, from, to); // Equal keys, by entry index.
        equalKeys = true;
        return;
      }
      if (to - from < RADIX_MIN) {
        mergeSort(from, to);
      } else {
        radixSort(from, to);
      }
      int runStart = from;
      for (int k = from + 1; k <= to; k++) {
        if (k == to || word[k] != word[runStart]) {
          if (k - runStart > 1) {
            if (goesOn(word[runStart])) {
              sort(runStart, k, depth + WORD_BYTES);
            } else {
              Arrays.sort(order, runStart, k);
              equalKeys = true;
            }
          }
          runStart = k;
        }
      }
      return;
    }
  }

  /** Whether keys with this word have bytes past it (else they all ended inside it). */
  private static boolean goesOn(long word) {
    return (word & 0xff) == WORD_BYTES;
  }

  /** Seven key bytes from {@code depth} (zero past the end), then how many of them exist. */
  private long word(int entry, int depth) {
    int from = start[entry] + depth;
    int available = Math.min(WORD_BYTES, Math.max(0, start[entry + 1] - from));
    if (available == 0) {
      return 0;
    }
    if (from <= pool.length - Long.BYTES) {
      // one load of eight bytes, those past the key (or past the word) masked off
      long v = (long) BIG_ENDIAN_LONGS.get(pool, from);
      return (v & (-1L << (Long.SIZE - 8 * available))) | available;
    }
    long w = 0;
    for (int i = 0; i < WORD_BYTES; i++) {
      w = (w << 8) | (i < available ? pool[from + i] & 0xff : 0);
    }
    return (w << 8) | available;
  }

  private int compare(int a, int b, int depth) {
    int c = Arrays.compareUnsigned(pool, start[a] + depth, start[a + 1], pool, start[b] + depth,
        start[b + 1]);
    if (c == 0) {
      // insertion compares every key with its final neighbours, so no equal pair goes unseen
      equalKeys = true;
      return Integer.compare(a, b);
    }
    return c;
  }

  private void insertionSort(int from, int to, int depth) {
    for (int i = from + 1; i < to; i++) {
      int x = order[i];
      int j = i - 1;
      while (j >= from && compare(order[j], x, depth) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  }

  /**
   * Sorts {@code word[from, to)} unsigned, moving {@code order} along: a stable LSD radix sort
   * over the bytes that differ between words. Keys of one array share most word bytes (the
   * prefix, the length byte), so a word level usually costs two or three counting passes where a
   * merge sort would take twenty comparison passes.
   */
  private void radixSort(int from, int to) {
    long first = word[from];
    long differ = 0;
    for (int k = from + 1; k < to; k++) {
      differ |= word[k] ^ first;
    }
    int[] count = new int[256];
    boolean inTmp = false;
    for (int shift = 0; shift < Long.SIZE; shift += 8) {
      if (((differ >>> shift) & 0xff) == 0) {
        continue;
      }
      long[] srcWord = inTmp ? wordTmp : word;
      int[] srcOrder = inTmp ? orderTmp : order;
      long[] dstWord = inTmp ? word : wordTmp;
      int[] dstOrder = inTmp ? order : orderTmp;
      Arrays.fill(count, 0);
      for (int k = from; k < to; k++) {
        count[(int) (srcWord[k] >>> shift) & 0xff]++;
      }
      int sum = from;
      for (int d = 0; d < 256; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int k = from; k < to; k++) {
        long w = srcWord[k];
        int slot = count[(int) (w >>> shift) & 0xff]++;
        dstWord[slot] = w;
        dstOrder[slot] = srcOrder[k];
      }
      inTmp = !inTmp;
    }
    if (inTmp) {
      System.arraycopy(wordTmp, from, word, from, to - from);
      System.arraycopy(orderTmp, from, order, from, to - from);
    }
  }

  /**
   * Sorts {@code word[from, to)} unsigned, moving {@code order} along: a stable merge sort that
   * skips merges of runs already in order, so sorted input costs one comparison per element.
   */
  private void mergeSort(int from, int to) {
    if (to - from <= SMALL) {
      for (int i = from + 1; i < to; i++) {
        long w = word[i];
        int o = order[i];
        int j = i - 1;
        while (j >= from && Long.compareUnsigned(word[j], w) > 0) {
          word[j + 1] = word[j];
          order[j + 1] = order[j];
          j--;
        }
        word[j + 1] = w;
        order[j + 1] = o;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(from, mid);
    mergeSort(mid, to);
    if (Long.compareUnsigned(word[mid - 1], word[mid]) <= 0) {
      return;
    }
    System.arraycopy(word, from, wordTmp, from, to - from);
    System.arraycopy(order, from, orderTmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && Long.compareUnsigned(wordTmp[i], wordTmp[j]) <= 0)) {
        word[k] = wordTmp[i];
        order[k] = orderTmp[i++];
      } else {
        word[k] = wordTmp[j];
        order[k] = orderTmp[j++];
      }
    }
  }

}
