package org.lindi.rfs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;

/**
 * An immutable reference file system: Zarr store keys mapped to inline bytes or byte ranges of
 * other files. Chunk refs are kept in compact primitive columns (a million refs take tens of
 * megabytes); metadata keys ({@code .zarray}, {@code .zattrs}, {@code .zgroup}, ...) as parsed
 * JSON. Keys iterate in UTF-8 byte order. Thread-safe.
 */
public final class ReferenceFileSystem {
  private final String source;
  private final int version;
  private final Templates templates;
  private final JsonNode generationMetadata;
  private final RefTable refs;
  private final NavigableMap<String, MetadataEntry> metadata;

  private ReferenceFileSystem(Builder b, RefTable refs,
      NavigableMap<String, MetadataEntry> metadata) {
    this.source = b.source;
    this.version = b.version;
    this.templates = b.templates;
    this.generationMetadata = b.generationMetadata;
    this.refs = refs;
    this.metadata = Collections.unmodifiableNavigableMap(metadata);
  }

  /** An empty builder (version 1, no templates). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding everything in this RFS, for writers that change a copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the key is a Zarr metadata key: its last segment starts with {@code .z}. */
  public static boolean isMetadataKey(String key) {
    return key.startsWith(".z", key.lastIndexOf('/') + 1);
  }

  /** The file this RFS was read from, for error messages; null when built in memory. */
  public String source() {
    return source;
  }

  public int version() {
    return version;
  }

  /** The {@code templates} of the document (already substituted into every url). */
  public Map<String, String> templates() {
    return templates.asMap();
  }

  /** The {@code generationMetadata} object (a copy), or null. */
  public JsonNode generationMetadata() {
    return generationMetadata == null ? null : generationMetadata.deepCopy();
  }

  /** Number of keys, metadata included. */
  public int size() {
    return refs.size() + metadata.size();
  }

  /** Number of non-metadata keys (chunk refs). */
  public int chunkRefCount() {
    return refs.size();
  }

  public boolean contains(String key) {
    return isMetadataKey(key) ? metadata.containsKey(key) : refs.indexOf(key) >= 0;
  }

  /** The ref of a key, or null; a metadata key's JSON comes back as inline bytes. */
  public ChunkRef get(String key) {
    if (isMetadataKey(key)) {
      MetadataEntry e = metadata.get(key);
      return e == null ? null : e.asRef();
    }
    int i = refs.indexOf(key);
    return i < 0 ? null : refs.ref(i);
  }

  /**
   * The parsed JSON of a key (a copy): a metadata key stored as an object or as a string holding
   * JSON, or any other inline ref; null when the key is absent.
   *
   * @throws LindiFormatException naming the key when its value is not JSON or is a byte range
   */
  public JsonNode json(String key) {
    ChunkRef ref;
    if (isMetadataKey(key)) {
      MetadataEntry e = metadata.get(key);
      if (e == null) {
        return null;
      }
      if (e.json() != null) {
        return e.json().deepCopy();
      }
      ref = e.raw();
    } else {
      int i = refs.indexOf(key);
      if (i < 0) {
        return null;
      }
      ref = refs.ref(i);
    }
    if (!ref.isInline()) {
      throw new LindiFormatException("expected inline JSON, found the byte range " + ref,
          context(key));
    }
    try {
      return MetadataEntry.parse(ref.inlineBytes());
    } catch (IOException e) {
      throw new LindiFormatException("value is not JSON: " + e.getMessage(), context(key), e);
    }
  }

  /** Every metadata key, sorted. */
  public List<String> metadataKeys() {
    return List.copyOf(metadata.keySet());
  }

  /**
   * Visits every non-metadata key under {@code prefix + "/"} (every one when the prefix is empty)
   * in sorted order, passing the key without that prefix and its ref.
   */
  public void forEachUnder(String prefix, BiConsumer<String, ChunkRef> visitor) {
    String p = trimSlashes(prefix);
    byte[] bytes = p.isEmpty() ? new byte[0] : (p + "/").getBytes(StandardCharsets.UTF_8);
    refs.forEachWithPrefix(bytes, visitor);
  }

  /**
   * The chunk refs of the array at {@code arrayPath} by C-order grid index, for a grid of
   * {@code gridShape} whose chunk keys join coordinates with {@code separator}: one scan over the
   * keys under the array, where looking each chunk key up would build a string per chunk.
   */
  public ChunkRefIndex chunkRefIndex(String arrayPath, long[] gridShape, char separator) {
    // the same keys as the lookups of RfsChunkLocator: "<arrayPath>/<chunk key>"
    byte[] prefix = arrayPath.isEmpty() ? new byte[0] : (arrayPath + "/").getBytes(StandardCharsets.UTF_8);
    return ChunkRefIndex.of(refs, prefix, gridShape.clone(), separator);
  }

  /** The distinct urls of all range refs (templates substituted), metadata included. */
  public List<String> urls() {
    List<String> out = new ArrayList<>(List.of(refs.urls()));
    for (MetadataEntry e : metadata.values()) {
      if (e.raw() != null && !e.raw().isInline() && !out.contains(e.raw().url())) {
        out.add(e.raw().url());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** All keys, sorted (UTF-8 byte order). */
  public Iterable<String> keys() {
    return () -> new Iterator<>() {
      private int refIndex;
      private final Iterator<String> meta = metadata.keySet().iterator();
      private String nextMeta = meta.hasNext() ? meta.next() : null;
      private String nextRef = refs.size() > 0 ? refs.key(0) : null;

      @Override
      public boolean hasNext() {
        return nextMeta != null || nextRef != null;
      }

      @Override
      public String next() {
        String out;
        boolean refFirst = nextRef != null
            && (nextMeta == null || KeyTable.ORDER.compare(nextRef, nextMeta) < 0);
        if (refFirst) {
          out = nextRef;
          refIndex++;
          nextRef = refIndex < refs.size() ? refs.key(refIndex) : null;
        } else if (nextMeta != null) {
          out = nextMeta;
          nextMeta = meta.hasNext() ? meta.next() : null;
        } else {
          throw new NoSuchElementException();
        }
        return out;
      }
    };
  }

  RefTable refTable() {
    return refs;
  }

  NavigableMap<String, MetadataEntry> metadataEntries() {
    return metadata;
  }

  Templates templateTable() {
    return templates;
  }

  private ErrorContext context(String key) {
    ErrorContext c = ErrorContext.EMPTY.withKey(key);
    return source == null ? c : c.withFile(source);
  }

  private static String trimSlashes(String path) {
    int from = 0;
    int to = path.length();
    while (from < to && path.charAt(from) == '/') {
      from++;
    }
    while (to > from && path.charAt(to - 1) == '/') {
      to--;
    }
    return path.substring(from, to);
  }

  /** Same version, templates, generation metadata and, key by key, the same values. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReferenceFileSystem)) {
      return false;
    }
    ReferenceFileSystem r = (ReferenceFileSystem) o;
    return version == r.version && templates.equals(r.templates)
        && Objects.equals(generationMetadata, r.generationMetadata)
        && metadata.equals(r.metadata) && refs.sameRefs(r.refs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, templates, metadata) * 31 + refs.contentHash();
  }

  @Override
  public String toString() {
    return "ReferenceFileSystem[" + (source == null ? "" : source + ", ") + "version=" + version
        + ", chunkRefs=" + refs.size() + ", metadataKeys=" + metadata.size()
        + ", urls=" + refs.urls().length + ", templates=" + templates.asMap().keySet() + "]";
  }

  /**
   * Collects keys and values; the last put of a key wins. Not thread-safe; reusable after build.
   */
  public static final class Builder {
    private String source;
    private int version = 1;
    private Templates templates = Templates.NONE;
    private JsonNode generationMetadata;
    private final RefColumns columns;
    private final TreeMap<String, MetadataEntry> metadata = new TreeMap<>(KeyTable.ORDER);
    private final List<String> urls = new ArrayList<>();
    /** Url ids whose text still holds {@code {{name}}} templates to substitute on build. */
    private final BitSet raw = new BitSet();
    private final Map<String, Integer> finalUrlIds = new HashMap<>();
    private final Map<String, Integer> rawUrlIds = new HashMap<>();

    private Builder() {
      this.columns = new RefColumns();
    }

    private Builder(ReferenceFileSystem rfs) {
      this.source = rfs.source;
      this.version = rfs.version;
      this.templates = rfs.templates;
      this.generationMetadata = rfs.generationMetadata;
      String[] tableUrls = rfs.refs.urls();
      int[] ids = new int[tableUrls.length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = urlId(tableUrls[i]);
      }
      this.columns = RefColumns.of(rfs.refs, ids);
      this.metadata.putAll(rfs.metadata);
    }

    /** Names the file being read, for error messages. */
    public Builder source(String displayName) {
      this.source = displayName;
      return this;
    }

    public Builder version(int v) {
      this.version = v;
      return this;
    }

    /** Replaces the templates; urls of the parsed document are substituted with them on build. */
    public Builder templates(Map<String, String> t) {
      this.templates = Templates.of(t);
      return this;
    }

    public Builder generationMetadata(JsonNode g) {
      this.generationMetadata = g == null ? null : g.deepCopy();
      return this;
    }

    /** Sets a key; a range ref's url is taken as final (templates are not applied to it). */
    public Builder put(String key, ChunkRef ref) {
      Objects.requireNonNull(ref, "ref");
      if (isMetadataKey(key)) {
        metadata.put(key, MetadataEntry.ofRef(ref));
      } else if (ref.isInline()) {
        byte[] bytes = ref.inlineBytes();
        columns.addInline(key, bytes, 0, bytes.length);
      } else {
        columns.addRange(key, urlId(ref.url()), ref.offset(), ref.length());
      }
      return this;
    }

    /** Sets a key to a JSON value (a copy is kept); other keys store it as inline JSON bytes. */
    public Builder putJson(String key, JsonNode value) {
      Objects.requireNonNull(value, "value");
      if (isMetadataKey(key)) {
        metadata.put(key, MetadataEntry.ofJson(value.deepCopy()));
      } else {
        byte[] bytes = RfsJson.toBytes(value);
        columns.addInline(key, bytes, 0, bytes.length);
      }
      return this;
    }

    /** Removes a key if present. */
    public Builder remove(String key) {
      if (isMetadataKey(key)) {
        metadata.remove(key);
      } else {
        columns.addDeleted(key);
      }
      return this;
    }

    /** Removes every key under {@code path + "/"} (a group or array and all it holds). */
    public Builder removeTree(String path) {
      String p = trimSlashes(path);
      String prefix = p.isEmpty() ? "" : p + "/";
      columns.deleteWithPrefix(prefix.getBytes(StandardCharsets.UTF_8));
      metadata.keySet().removeIf(k -> k.startsWith(prefix));
      return this;
    }

    /** Number of puts so far (not distinct keys). */
    int pendingPuts() {
      return columns.count() + metadata.size();
    }

    /** Parser fast path: a range ref whose url may still hold templates. */
    void putRawRange(String key, int urlId, long offset, long length) {
      if (isMetadataKey(key)) {
        // Substituted on build, like every metadata url holding "{{".
        metadata.put(key, MetadataEntry.ofRef(ChunkRef.range(urls.get(urlId), offset, length)));
      } else {
        columns.addRange(key, urlId, offset, length);
      }
    }

    /**
     * Scanner fast path: a range ref of a chunk key given as UTF-8 bytes {@code src[from, to)}
     * (not a metadata key), url possibly holding templates.
     */
    void putRawRange(byte[] src, int from, int to, int urlId, long offset, long length) {
      columns.addRange(src, from, to, urlId, offset, length);
    }

    /** Scanner fast path: room for about {@code n} refs whose keys take {@code keyBytes} bytes. */
    void reserveRefs(int n, long keyBytes) {
      columns.reserve(n, keyBytes);
    }

    /** Parser fast path: a freshly parsed JSON object, kept without a copy. */
    void putParsedJson(String key, JsonNode value) {
      if (isMetadataKey(key)) {
        metadata.put(key, MetadataEntry.ofJson(value));
      } else {
        byte[] bytes = RfsJson.toBytes(value);
        columns.addInline(key, bytes, 0, bytes.length);
      }
    }

    /** Parser fast path: inline bytes (not copied; the builder copies them into its pool). */
    void putInline(String key, byte[] bytes) {
      if (isMetadataKey(key)) {
        metadata.put(key, MetadataEntry.ofRef(ChunkRef.inline(bytes)));
      } else {
        columns.addInline(key, bytes, 0, bytes.length);
      }
    }

    /** Id of a url as written in the document, before template substitution. */
    int rawUrlId(String url) {
      Integer id = rawUrlIds.get(url);
      if (id == null) {
        id = urls.size();
        urls.add(url);
        raw.set(id);
        rawUrlIds.put(url, id);
      }
      return id;
    }

    private int urlId(String url) {
      Integer id = finalUrlIds.get(url);
      if (id == null) {
        id = urls.size();
        urls.add(url);
        finalUrlIds.put(url, id);
      }
      return id;
    }

    /**
     * The immutable RFS: keys sorted, the last put of each key kept, templates substituted.
     *
     * @throws LindiFormatException when a url uses an undefined template
     */
    public ReferenceFileSystem build() {
      RefTable table;
      try {
        table = columns.toTable(urls.size(),
            id -> raw.get(id) ? templates.substitute(urls.get(id)) : urls.get(id));
      } catch (LindiException e) {
        throw addSource(e, firstKeyUsingTemplates());
      }
      TreeMap<String, MetadataEntry> meta = new TreeMap<>(KeyTable.ORDER);
      for (Map.Entry<String, MetadataEntry> e : metadata.entrySet()) {
        MetadataEntry v = e.getValue();
        ChunkRef r = v.raw();
        if (r != null && !r.isInline() && r.url().contains("{{")) {
          try {
            String url = templates.substitute(r.url());
            v = MetadataEntry.ofRef(ChunkRef.range(url, r.offset(), r.length()));
          } catch (LindiException x) {
            throw addSource(x, e.getKey());
          }
        }
        meta.put(e.getKey(), v);
      }
      return new ReferenceFileSystem(this, table, meta);
    }

    private String firstKeyUsingTemplates() {
      for (int id = raw.nextSetBit(0); id >= 0; id = raw.nextSetBit(id + 1)) {
        try {
          templates.substitute(urls.get(id));
        } catch (LindiException e) {
          return columns.firstKeyWithUrl(id);
        }
      }
      return null;
    }

    private LindiException addSource(LindiException e, String key) {
      ErrorContext c = ErrorContext.EMPTY.withKey(key);
      return e.addContext(source == null ? c : c.withFile(source));
    }
  }
}
