package org.lindi.rfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The chunk refs of an RFS as parallel primitive columns over a {@link KeyTable}: a url index into
 * a small table of distinct urls (or {@link #INLINE}), an offset and a length per key. Inline bytes
 * share one byte array, addressed by the offset and length columns.
 */
final class RefTable {
  /** Url index of an inline ref. */
  static final int INLINE = -1;

  static final RefTable EMPTY =
      new RefTable(new KeyTable(new byte[0], new int[1]), new int[0], new long[0], new long[0],
          new String[0], new byte[0]);

  private final KeyTable keys;
  private final int[] url;
  private final long[] offset;
  private final long[] length;
  private final String[] urls;
  private final byte[] inline;

  RefTable(KeyTable keys, int[] url, long[] offset, long[] length, String[] urls, byte[] inline) {
    this.keys = keys;
    this.url = url;
    this.offset = offset;
    this.length = length;
    this.urls = urls;
    this.inline = inline;
  }

  int size() {
    return keys.size();
  }

  KeyTable keys() {
    return keys;
  }

  /** Index of the key, or -1. */
  int indexOf(String key) {
    return keys.indexOf(key.getBytes(StandardCharsets.UTF_8));
  }

  String key(int i) {
    return keys.key(i);
  }

  ChunkRef ref(int i) {
    if (url[i] == INLINE) {
      int from = (int) offset[i];
      return ChunkRef.inline(Arrays.copyOfRange(inline, from, from + (int) length[i]));
    }
    return ChunkRef.range(urls[url[i]], offset[i], length[i]);
  }

  boolean isInline(int i) {
    return url[i] == INLINE;
  }

  /** Url index of ref i into {@link #urls()}, or {@link #INLINE}. */
  int urlIndex(int i) {
    return url[i];
  }

  long offset(int i) {
    return offset[i];
  }

  long length(int i) {
    return length[i];
  }

  /** The distinct urls of the range refs (not a copy: read only). */
  String[] urls() {
    return urls;
  }

  /** A copy of the inline bytes of ref i; the pool itself is never handed out. */
  byte[] inlineBytes(int i) {
    int from = (int) offset[i];
    return Arrays.copyOfRange(inline, from, from + (int) length[i]);
  }

  /** Visits every key starting with {@code prefix} (bytes), passing the rest of the key. */
  void forEachWithPrefix(byte[] prefix, BiConsumer<String, ChunkRef> visitor) {
    int n = size();
    for (int i = keys.lowerBound(prefix); i < n && keys.startsWith(i, prefix); i++) {
      visitor.accept(keys.suffix(i, prefix.length), ref(i));
    }
  }

  /** Same keys and, key by key, the same refs. */
  boolean sameRefs(RefTable other) {
    if (size() != other.size()) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      if (!keys.sameKey(i, other.keys, i) || length[i] != other.length[i]) {
        return false;
      }
      boolean same = isInline(i)
          ? other.isInline(i) && Arrays.equals(inlineBytes(i), other.inlineBytes(i))
          : !other.isInline(i) && offset[i] == other.offset[i]
              && urls[url[i]].equals(other.urls[other.url[i]]);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** A content hash consistent with {@link #sameRefs}. */
  int contentHash() {
    int h = size();
    for (int i = 0; i < size(); i++) {
      // An inline ref's offset is its place in this table's pool, not part of its value.
      h = h * 31 + (isInline(i) ? (int) length[i] : Long.hashCode(offset[i] * 31 + length[i]));
    }
    return h;
  }
}
