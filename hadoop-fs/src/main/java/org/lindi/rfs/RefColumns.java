package org.lindi.rfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.lindi.error.LindiFormatException;

/**
 * Growable, append-only columns of chunk refs while an RFS is built: one entry per put, the last
 * put of a key wins, {@link #DELETED} entries remove a key. {@link #toTable} sorts, keeps the last
 * entry per key and packs the result into a {@link RefTable}.
 */
final class RefColumns {
  /** Url id of an entry that removes its key. */
  static final int DELETED = -2;

  /** Arrays are indexed by int; pools past this size cannot be addressed. */
  private static final int MAX_POOL = Integer.MAX_VALUE - 16;

  private byte[] keyPool = new byte[1024];
  private int keyPoolSize;
  private int[] keyStart = new int[65];
  private int count;
  private int[] url = new int[64];
  private long[] offset = new long[64];
  private long[] length = new long[64];
  private byte[] inline = new byte[256];
  private int inlineSize;
  /** Set by {@link #sortedOrder}: whether the entries, already sorted, have no equal keys. */
  private boolean strictlyIncreasing;

  RefColumns() {}

  /** Columns holding the refs of a built table, ready for further puts. */
  static RefColumns of(RefTable table, int[] urlIds) {
    RefColumns c = new RefColumns();
    int n = table.size();
    KeyTable keys = table.keys();
    c.keyPool = keys.pool().clone();
    c.keyPoolSize = keys.starts()[n];
    c.keyStart = Arrays.copyOf(keys.starts(), Math.max(n + 1, 65));
    c.count = n;
    c.url = new int[Math.max(n, 64)];
    c.offset = new long[c.url.length];
    c.length = new long[c.url.length];
    for (int i = 0; i < n; i++) {
      c.length[i] = table.length(i);
      if (table.isInline(i)) {
        byte[] bytes = table.inlineBytes(i);
        c.url[i] = RefTable.INLINE;
        c.offset[i] = c.appendInline(bytes, 0, bytes.length);
      } else {
        c.url[i] = urlIds[table.urlIndex(i)];
        c.offset[i] = table.offset(i);
      }
    }
    return c;
  }

  int count() {
    return count;
  }

  void addRange(String key, int urlId, long off, long len) {
    int i = addKey(key);
    url[i] = urlId;
    offset[i] = off;
    length[i] = len;
  }

  /** {@link #addRange} with the key as UTF-8 bytes {@code src[from, to)} (no String per key). */
  void addRange(byte[] src, int from, int to, int urlId, long off, long len) {
    int i = addKey(src, from, to);
    url[i] = urlId;
    offset[i] = off;
    length[i] = len;
  }

  /** Presizes the columns for about {@code n} more entries with keys of {@code keyBytes} bytes. */
  void reserve(int n, long keyBytes) {
    if (count + n > url.length) {
      int capacity = count + n;
      url = Arrays.copyOf(url, capacity);
      offset = Arrays.copyOf(offset, capacity);
      length = Arrays.copyOf(length, capacity);
    }
    if (count + n + 2 > keyStart.length) {
      keyStart = Arrays.copyOf(keyStart, count + n + 2);
    }
    ensureKeyPool(keyPoolSize + keyBytes);
  }

  void addInline(String key, byte[] bytes, int from, int len) {
    int i = addKey(key);
    url[i] = RefTable.INLINE;
    offset[i] = appendInline(bytes, from, len);
    length[i] = len;
  }

  void addDeleted(String key) {
    int i = addKey(key);
    url[i] = DELETED;
  }

  /** Marks every entry whose key starts with {@code prefix} (UTF-8 bytes) deleted. */
  void deleteWithPrefix(byte[] prefix) {
    for (int i = 0; i < count; i++) {
      int from = keyStart[i];
      if (keyStart[i + 1] - from >= prefix.length
          && Arrays.equals(keyPool, from, from + prefix.length, prefix, 0, prefix.length)) {
        url[i] = DELETED;
      }
    }
  }

  /**
   * The live refs, sorted by key, as a table. {@code urlOf} maps an entry's url id (below
   * {@code urlIds}) to its final url (templates substituted); urls are deduplicated and only those
   * still used are kept.
   */
  RefTable toTable(int urlIds, IntFunction<String> urlOf) {
    KeySort sort = sortedOrder();
    // without a sort, entries in strictly increasing key order have no equal neighbours
    boolean equalKeys = sort == null ? !strictlyIncreasing : sort.hasEqualKeys();
    // entries already in order, none to drop but deleted ones: no order array (n ints) at all
    int[] order = sort != null ? sort.order() : equalKeys ? identity(count) : null;
    int live = 0;
    int poolSize = 0;
    long inlineTotal = 0;
    for (int k = 0; k < count; k++) {
      int i = order == null ? k : order[k];
      // Stable sort: the last of a run of equal keys is the last put.
      if (equalKeys && k + 1 < count && sameKey(i, order[k + 1])) {
        order[k] = -1;
      } else if (url[i] == DELETED) {
        if (order != null) {
          order[k] = -1;
        }
      } else {
        live++;
        poolSize += keyStart[i + 1] - keyStart[i];
        if (url[i] == RefTable.INLINE) {
          inlineTotal += length[i];
        }
      }
    }
    if (inlineTotal > MAX_POOL) {
      throw new LindiFormatException("inline refs hold " + inlineTotal + " bytes, more than "
          + MAX_POOL + " bytes can be kept in memory");
    }
    byte[] pool = new byte[poolSize];
    int[] start = new int[live + 1];
    // every entry kept: the sort's spare arrays, already n long, take the columns (no new memory)
    boolean spare = sort != null && live == count;
    int[] outUrl = spare ? sort.spareInts() : new int[live];
    long[] outOffset = spare ? sort.spareLongs1() : new long[live];
    long[] outLength = spare ? sort.spareLongs2() : new long[live];
    byte[] outInline = new byte[(int) inlineTotal];
    Map<String, Integer> finalIds = new HashMap<>();
    int[] remap = new int[urlIds];
    Arrays.fill(remap, -1);
    String[] urls = new String[16];
    int p = 0;
    int q = 0;
    int j = 0;
    for (int k = 0; k < count; k++) {
      int i = order == null ? k : order[k];
      if (i < 0 || url[i] == DELETED) {
        continue;
      }
      int keyLength = keyStart[i + 1] - keyStart[i];
      System.arraycopy(keyPool, keyStart[i], pool, p, keyLength);
      start[j] = p;
      p += keyLength;
      outLength[j] = length[i];
      if (url[i] == RefTable.INLINE) {
        outUrl[j] = RefTable.INLINE;
        outOffset[j] = q;
        System.arraycopy(inline, (int) offset[i], outInline, q, (int) length[i]);
        q += (int) length[i];
      } else {
        int id = remap[url[i]];
        if (id < 0) {
          String u = urlOf.apply(url[i]);
          id = finalIds.computeIfAbsent(u, x -> finalIds.size());
          remap[url[i]] = id;
          if (id == urls.length) {
            urls = Arrays.copyOf(urls, urls.length * 2);
          }
          urls[id] = u;
        }
        outUrl[j] = id;
        outOffset[j] = offset[i];
      }
      j++;
    }
    start[live] = p;
    return new RefTable(new KeyTable(pool, start), outUrl, outOffset, outLength,
        Arrays.copyOf(urls, finalIds.size()), outInline);
  }

  /** The first key (UTF-8) whose entry uses url id {@code id}, for error messages. */
  String firstKeyWithUrl(int id) {
    for (int i = 0; i < count; i++) {
      if (url[i] == id) {
        return new String(keyPool, keyStart[i], keyStart[i + 1] - keyStart[i],
            StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private boolean sameKey(int a, int b) {
    return Arrays.equals(keyPool, keyStart[a], keyStart[a + 1],
        keyPool, keyStart[b], keyStart[b + 1]);
  }

  private int compareKeys(int a, int b) {
    return Arrays.compareUnsigned(keyPool, keyStart[a], keyStart[a + 1],
        keyPool, keyStart[b], keyStart[b + 1]);
  }

  /**
   * The sort of the entries by key, equal keys in put order; null when they are already in that
   * order ({@link #strictlyIncreasing} then says whether some neighbours have equal keys).
   */
  private KeySort sortedOrder() {
    // Writers emit sorted keys (LINDI sorts them): one pass settles that case.
    boolean sorted = true;
    boolean strict = true;
    for (int i = 1; i < count && sorted; i++) {
      int c = compareKeys(i - 1, i);
      sorted = c <= 0;
      strict &= c < 0;
    }
    strictlyIncreasing = strict;
    return sorted ? null : KeySort.sorted(keyPool, keyStart, count);
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Grows the columns (by doubling) when they are full. */
  private void roomForOneMore() {
    if (count == url.length) {
      int capacity = count * 2;
      url = Arrays.copyOf(url, capacity);
      offset = Arrays.copyOf(offset, capacity);
      length = Arrays.copyOf(length, capacity);
    }
    if (count + 2 > keyStart.length) {
      keyStart = Arrays.copyOf(keyStart, keyStart.length * 2);
    }
  }

  private int addKey(String key) {
    roomForOneMore();
    keyStart[count] = keyPoolSize;
    appendUtf8(key);
    keyStart[count + 1] = keyPoolSize;
    return count++;
  }

  private int addKey(byte[] src, int from, int to) {
    roomForOneMore();
    keyStart[count] = keyPoolSize;
    ensureKeyPool((long) keyPoolSize + (to - from));
    System.arraycopy(src, from, keyPool, keyPoolSize, to - from);
    keyPoolSize += to - from;
    keyStart[count + 1] = keyPoolSize;
    return count++;
  }

  /** UTF-8 of the key straight into the pool: no byte[] per key for a million keys. */
  private void appendUtf8(String s) {
    int n = s.length();
    ensureKeyPool((long) keyPoolSize + 3L * n);
    byte[] b = keyPool;
    int p = keyPoolSize;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate has no UTF-8 form; String.getBytes (used for lookups) writes '?'.
        b[p++] = (byte) '?';
      } else {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    keyPoolSize = p;
  }

  private void ensureKeyPool(long needed) {
    if (needed > keyPool.length) {
      if (needed > MAX_POOL) {
        throw new LindiFormatException("RFS keys take more than " + MAX_POOL + " bytes");
      }
      keyPool = Arrays.copyOf(keyPool, grown(keyPool.length, needed));
    }
  }

  /** Doubled, or what is needed when that is more, never past {@link #MAX_POOL}. */
  private static int grown(int capacity, long needed) {
    return (int) Math.min(MAX_POOL, Math.max(needed, capacity * 2L));
  }

  private int appendInline(byte[] bytes, int from, int len) {
    long needed = (long) inlineSize + len;
    if (needed > inline.length) {
      if (needed > MAX_POOL) {
        throw new LindiFormatException("inline refs take more than " + MAX_POOL + " bytes");
      }
      inline = Arrays.copyOf(inline, grown(inline.length, needed));
    }
    System.arraycopy(bytes, from, inline, inlineSize, len);
    int at = inlineSize;
    inlineSize += len;
    return at;
  }
}
