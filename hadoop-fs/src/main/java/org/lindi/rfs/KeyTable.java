package org.lindi.rfs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Distinct store keys in UTF-8 byte order, packed into one byte array, with an open-addressing
 * hash index built on the first exact lookup (the planner only walks prefix ranges): about 50
 * bytes per key where a {@code TreeMap<String, ?>} would take several hundred. Thread-safe.
 */
final class KeyTable {
  /** String order equal to the UTF-8 byte order of the table (code point order). */
  static final Comparator<String> ORDER = KeyTable::compareCodePoints;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] pool;
  /** Key i is {@code pool[start[i], start[i + 1])}. */
  private final int[] start;
  /**
   * Entry index + 1, 0 for an empty slot; the length is a power of two at least twice the keys.
   * Null until the first lookup.
   */
  private volatile int[] slots;

  /** A table over keys that are already sorted and distinct; the arrays are not copied. */
  KeyTable(byte[] pool, int[] start) {
    this.pool = pool;
    this.start = start;
  }

  private int[] slots() {
    int[] s = slots;
    if (s == null) {
      synchronized (this) {
        s = slots;
        if (s == null) {
          s = buildSlots();
          slots = s;
        }
      }
    }
    return s;
  }

  private int[] buildSlots() {
    int n = size();
    int capacity = Integer.highestOneBit(Math.max(8, n) * 2 - 1) << 1;
    int[] s = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < n; i++) {
      int slot = hash(pool, start[i], start[i + 1]) & mask;
      while (s[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      s[slot] = i + 1;
    }
    return s;
  }

  int size() {
    return start.length - 1;
  }

  /** Index of the key, or -1. */
  int indexOf(byte[] key) {
    int[] slots = slots();
    int mask = slots.length - 1;
    int slot = hash(key, 0, key.length) & mask;
    for (int entry = slots[slot]; entry != 0; entry = slots[slot]) {
      int i = entry - 1;
      if (Arrays.equals(pool, start[i], start[i + 1], key, 0, key.length)) {
        return i;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  String key(int i) {
    return new String(pool, start[i], start[i + 1] - start[i], StandardCharsets.UTF_8);
  }

  /** Key i without its first {@code skipBytes} bytes (a prefix of ASCII or whole characters). */
  String suffix(int i, int skipBytes) {
    int from = start[i] + skipBytes;
    return new String(pool, from, start[i + 1] - from, StandardCharsets.UTF_8);
  }

  /** Index of the first key not below {@code prefix} in byte order (size() when none). */
  int lowerBound(byte[] prefix) {
    int lo = 0;
    int hi = size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Arrays.compareUnsigned(pool, start[mid], start[mid + 1], prefix, 0, prefix.length) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  boolean startsWith(int i, byte[] prefix) {
    int from = start[i];
    return start[i + 1] - from >= prefix.length
        && Arrays.equals(pool, from, from + prefix.length, prefix, 0, prefix.length);
  }

  /** Whether key i of this table equals key j of {@code other}. */
  boolean sameKey(int i, KeyTable other, int j) {
    return Arrays.equals(pool, start[i], start[i + 1],
        other.pool, other.start[j], other.start[j + 1]);
  }

  /** The packed key bytes (not a copy: read only), for reopening the table in a builder. */
  byte[] pool() {
    return pool;
  }

  /** Start offsets of the keys in {@link #pool()} plus the end (not a copy: read only). */
  int[] starts() {
    return start;
  }

  /** A hash of {@code bytes[from, to)}, eight bytes per step. */
  static int hash(byte[] bytes, int from, int to) {
    long h = 0x9e3779b97f4a7c15L ^ (to - from);
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      h = (h ^ (long) LONGS.get(bytes, i)) * 0xff51afd7ed558ccdL;
      h ^= h >>> 32;
    }
    long tail = 0;
    for (; i < to; i++) {
      tail = (tail << 8) | (bytes[i] & 0xff);
    }
    h = (h ^ tail) * 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    return (int) (h ^ (h >>> 32));
  }

  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // Surrogates (supplementary code points) sort after all other UTF-16 units in UTF-8.
        boolean xs = Character.isSurrogate(x);
        boolean ys = Character.isSurrogate(y);
        if (xs != ys) {
          return xs ? 1 : -1;
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }
}
