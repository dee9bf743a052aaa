package org.lindi.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.lindi.chunk.ChunkDecoder;
import org.lindi.chunk.DecodedChunk;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ChunkRef;
import org.lindi.rfs.ReferenceFileSystem;
import org.lindi.rfs.RfsWriter;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.ChunkGrid;

/**
 * Changes a LINDI file: groups, attributes, arrays and their chunks. Changes collect in memory
 * (chunk bytes go to the file at once, where no committed RFS points yet) and become visible
 * together on {@link #flush()} or {@link #close()}, which commit crash-safely: a kill at any
 * moment leaves the file at its previous or its new committed state. One writer per file: a
 * second one gets a {@link LindiWriteConflictException}. Not thread safe.
 *
 * <pre>{@code
 * try (LindiWriter w = LindiWriter.open(new Path("/data/session1.lindi"), conf)) {
 *   w.createArray("processing/lfp/data", meta, null);
 *   w.write("processing/lfp/data", new long[] {0, 0}, new long[] {30000, 64}, littleEndianBytes);
 * }
 * }</pre>
 */
public abstract class LindiWriter implements Closeable {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Marks a key removed in {@link #pendingRefs}. */
  private static final ChunkRef REMOVED = ChunkRef.inline(new byte[0]);
  private static final JsonNode REMOVED_JSON = NODES.missingNode();

  private final String location;
  private final WriteOptions options;
  private ReferenceFileSystem committed;
  private final Map<String, ChunkRef> pendingRefs = new HashMap<>();
  private final Map<String, JsonNode> pendingMetadata = new HashMap<>();
  private final List<String> removedTrees = new ArrayList<>();
  private final Map<String, ChunkEncoder> encoders = new HashMap<>();
  private CommitHook hook = CommitHook.NONE;
  private boolean dirty;
  private boolean closed;

  LindiWriter(String location, ReferenceFileSystem committed, WriteOptions options) {
    this.location = location;
    this.committed = committed;
    this.options = options;
  }

  /** Opens {@code path} for writing with default options; see {@link #open(Path, Configuration, WriteOptions)}. */
  public static LindiWriter open(Path path, Configuration conf) throws IOException {
    return open(path, conf, WriteOptions.defaults());
  }

  /**
   * Opens an existing lindi1 file or {@code .lindi.tar} (detected by content) for writing, or
   * creates one with a root group: a tar when the name ends in {@code .lindi.tar}, otherwise a
   * lindi1 file. On the local filesystem the file is changed in place; on any other filesystem
   * every commit writes a complete new file beside it and renames it over the old one.
   *
   * @throws LindiWriteConflictException when another writer holds the file
   */
  public static LindiWriter open(Path path, Configuration conf, WriteOptions options)
      throws IOException {
    return WriterFactory.open(path, conf, options);
  }

  /** Opens or creates a file on the local filesystem, without Hadoop; see {@link #open(Path, Configuration, WriteOptions)}. */
  public static LindiWriter openLocal(java.nio.file.Path file, WriteOptions options)
      throws IOException {
    return WriterFactory.openLocal(file.toAbsolutePath().normalize(), options);
  }

  /** The file being written, for messages. */
  public String location() {
    return location;
  }

  public WriteOptions options() {
    return options;
  }

  void setHook(CommitHook h) {
    this.hook = h;
  }

  // ---- what subclasses store -------------------------------------------------------------

  /** Stores chunk bytes where no committed RFS points yet; returns the ref to them. */
  abstract ChunkRef storeChunk(String key, byte[] bytes) throws IOException;

  /** Reads the bytes of a range ref that points into this file. */
  abstract byte[] readStored(String key, ChunkRef ref) throws IOException;

  /** Makes {@code rfs} (serialised as {@code json}) the committed state, crash-safely. */
  abstract void commit(ReferenceFileSystem rfs, byte[] json) throws IOException;

  /** Releases the file and the lock (no commit). */
  abstract void release() throws IOException;

  /**
   * Takes back what was written since the last commit where the container can (bytes appended to a
   * local lindi1 file), so that an aborted write leaves the file as it was; the default keeps them
   * (unreferenced, they are harmless garbage).
   */
  void discardUncommitted() throws IOException {}

  // ---- reading the current (uncommitted) state ------------------------------------------

  /** Whether a group or an array exists at {@code path}. */
  public boolean exists(String path) {
    String p = normalize(path);
    return metadata(key(p, ".zgroup")) != null || metadata(key(p, ".zarray")) != null;
  }

  public boolean isGroup(String path) {
    return metadata(key(normalize(path), ".zgroup")) != null;
  }

  public boolean isArray(String path) {
    return metadata(key(normalize(path), ".zarray")) != null;
  }

  /** The attributes of a group or array ({@code {}} when it has none). */
  public ObjectNode attributes(String path) {
    JsonNode a = metadata(key(normalize(path), ".zattrs"));
    return a != null && a.isObject() ? (ObjectNode) a.deepCopy() : NODES.objectNode();
  }

  /** The metadata of the array at {@code path}. */
  public ArrayMetadata arrayMetadata(String path) {
    String p = normalize(path);
    String k = key(p, ".zarray");
    JsonNode z = metadata(k);
    if (z == null) {
      throw new LindiFormatException("no array /" + p, context().withKey(k));
    }
    try {
      return ArrayMetadata.parse(z);
    } catch (LindiException e) {
      throw e.addContext(context().withKey(k));
    }
  }

  /** The ref of a store key as it stands now (pending changes included), or null. */
  public ChunkRef ref(String key) {
    if (ReferenceFileSystem.isMetadataKey(key)) {
      JsonNode j = metadata(key);
      return j == null ? null : ChunkRef.inline(j.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    ChunkRef r = pendingRefs.get(key);
    if (r != null) {
      return r == REMOVED ? null : r;
    }
    return underRemovedTree(key) ? null : committed.get(key);
  }

  /** The RFS as it stands now, pending changes included (built on each call). */
  public ReferenceFileSystem rfs() {
    return build();
  }

  /** The RFS as last committed. */
  public ReferenceFileSystem committedRfs() {
    return committed;
  }

  /** Whether there are changes not yet committed. */
  public boolean hasPendingChanges() {
    return dirty;
  }

  private JsonNode metadata(String key) {
    JsonNode j = pendingMetadata.get(key);
    if (j != null) {
      return j == REMOVED_JSON ? null : j;
    }
    return underRemovedTree(key) ? null : committed.json(key);
  }

  private boolean underRemovedTree(String key) {
    for (String t : removedTrees) {
      if (t.isEmpty() || key.startsWith(t + "/")) {
        return true;
      }
    }
    return false;
  }

  // ---- changing the hierarchy ------------------------------------------------------------

  /** Creates the group at {@code path} and any missing parent groups. */
  public void createGroup(String path) {
    checkOpen();
    String p = normalize(path);
    List<String> chain = new ArrayList<>();
    chain.add("");
    int slash = -1;
    while (!p.isEmpty() && (slash = p.indexOf('/', slash + 1)) >= 0) {
      chain.add(p.substring(0, slash));
    }
    if (!p.isEmpty()) {
      chain.add(p);
    }
    for (String g : chain) {
      if (isArray(g)) {
        throw new LindiException("cannot create group /" + p + ": /" + g + " is an array",
            context().withKey(key(g, ".zarray")));
      }
      if (!isGroup(g)) {
        putMetadata(key(g, ".zgroup"), NODES.objectNode().put("zarr_format", 2));
      }
    }
  }

  /** Replaces the attributes ({@code .zattrs}) of the group or array at {@code path}. */
  public void setAttributes(String path, JsonNode attributes) {
    checkOpen();
    String p = normalize(path);
    if (!exists(p)) {
      throw new LindiException("no group or array /" + p, context());
    }
    if (attributes == null || !attributes.isObject()) {
      throw new IllegalArgumentException("attributes must be a JSON object, got " + attributes);
    }
    putMetadata(key(p, ".zattrs"), attributes.deepCopy());
  }

  /**
   * Creates an array (and its parent groups) with no chunks: every element reads as the fill
   * value until written.
   *
   * @param attributes its {@code .zattrs}, or null for none
   * @throws LindiException when a group or array exists at {@code path}
   */
  public void createArray(String path, ArrayMetadata meta, JsonNode attributes) {
    checkOpen();
    String p = normalize(path);
    if (p.isEmpty()) {
      throw new IllegalArgumentException("an array needs a non-empty path");
    }
    if (exists(p)) {
      throw new LindiException("/" + p + " already exists", context());
    }
    int slash = p.lastIndexOf('/');
    createGroup(slash < 0 ? "" : p.substring(0, slash));
    putMetadata(key(p, ".zarray"), ZarrayJson.of(meta));
    if (attributes != null) {
      setAttributes(p, attributes);
    }
  }

  /**
   * Changes the shape of an array (same rank; e.g. extends it along axis 0). Chunks wholly
   * outside the new shape are dropped; new positions read as the fill value.
   */
  public void resize(String path, long[] newShape) {
    checkOpen();
    String p = normalize(path);
    ArrayMetadata m = arrayMetadata(p);
    if (newShape.length != m.rank()) {
      throw new IllegalArgumentException("shape " + Arrays.toString(newShape) + " for an array of rank "
          + m.rank());
    }
    ArrayMetadata resized = ArrayMetadata.of(newShape, m.chunks(), m.dtype(), m.order(),
        m.fillValueJson(), m.compressor(), m.filters(), m.dimensionSeparator());
    ChunkGrid grid = resized.grid();
    for (String chunkKey : chunkKeys(p)) {
      long[] coords = parseChunkKey(chunkKey.substring(p.length() + 1), m);
      if (coords == null) {
        continue;
      }
      for (int k = 0; k < coords.length; k++) {
        if (coords[k] >= grid.gridShape(k)) {
          removeRef(chunkKey);
          break;
        }
      }
    }
    putMetadata(key(p, ".zarray"), ZarrayJson.of(resized));
  }

  /** Removes the group or array at {@code path} and everything under it (bytes stay as garbage). */
  public void delete(String path) {
    checkOpen();
    String p = normalize(path);
    if (!exists(p)) {
      throw new LindiException("no group or array /" + p, context());
    }
    String prefix = p.isEmpty() ? "" : p + "/";
    pendingRefs.keySet().removeIf(k -> k.startsWith(prefix));
    pendingMetadata.keySet().removeIf(k -> k.startsWith(prefix));
    removedTrees.add(p);
    encoders.remove(p);
    dirty = true;
  }

  // ---- writing chunks ----------------------------------------------------------------------

  /**
   * Stores already-encoded chunk bytes for chunk {@code coords} of an array, replacing any
   * previous ref (the old bytes stay in the file as garbage).
   */
  public void writeChunk(String path, long[] coords, byte[] encoded) throws IOException {
    checkOpen();
    String p = normalize(path);
    ArrayMetadata m = arrayMetadata(p);
    ChunkGrid grid = m.grid();
    if (coords.length != m.rank()) {
      throw new IllegalArgumentException("chunk " + Arrays.toString(coords) + " of an array of rank "
          + m.rank());
    }
    for (int k = 0; k < coords.length; k++) {
      if (coords[k] < 0 || coords[k] >= Math.max(1, grid.gridShape(k))) {
        throw new IllegalArgumentException("chunk " + Arrays.toString(coords) + " outside the grid "
            + Arrays.toString(grid.gridShape()) + " of /" + p);
      }
    }
    String k = p + "/" + grid.chunkKey(coords);
    ChunkRef ref;
    try {
      ref = encoded.length < options.inlineLimit() ? ChunkRef.inline(encoded.clone())
          : storeChunk(k, encoded);
    } catch (LindiException e) {
      throw e.addContext(context().withKey(k));
    }
    pendingRefs.put(k, ref);
    dirty = true;
  }

  /** Encodes a full chunk given as C-order little-endian bytes and stores it. */
  public void writeChunkData(String path, long[] coords, byte[] chunk) throws IOException {
    writeChunk(path, coords, encoder(normalize(path)).encode(chunk));
  }

  /**
   * Writes the box {@code [start, start + count)} of an array from C-order little-endian bytes.
   * Chunks the box covers wholly are encoded from {@code data} (padded with the fill value past
   * the array's edge); chunks it covers in part are read, changed and rewritten.
   */
  public void write(String path, long[] start, long[] count, byte[] data) throws IOException {
    checkOpen();
    String p = normalize(path);
    ArrayMetadata m = arrayMetadata(p);
    int rank = m.rank();
    int item = m.dtype().itemSize();
    long[] shape = m.shape();
    long elements = 1;
    for (int k = 0; k < rank; k++) {
      if (start[k] < 0 || count[k] < 0 || start[k] + count[k] > shape[k]) {
        throw new IllegalArgumentException("box " + Arrays.toString(start) + " + "
            + Arrays.toString(count) + " outside shape " + Arrays.toString(shape) + " of /" + p);
      }
      elements *= count[k];
    }
    if (elements * item != data.length) {
      throw new IllegalArgumentException("box of " + elements + " elements of " + m.dtype()
          + " needs " + elements * item + " bytes, got " + data.length);
    }
    if (elements == 0) {
      return;
    }
    ChunkGrid grid = m.grid();
    int[] chunkShape = m.chunks();
    long[] chunkDims = new long[rank];
    for (int k = 0; k < rank; k++) {
      chunkDims[k] = chunkShape[k];
    }
    ChunkEncoder enc = encoder(p);
    long[] lo = new long[rank];
    long[] hi = new long[rank];
    for (int k = 0; k < rank; k++) {
      lo[k] = start[k] / chunkShape[k];
      hi[k] = (start[k] + count[k] - 1) / chunkShape[k];
    }
    long[] coords = lo.clone();
    DecodeContext ctx = new DecodeContext();
    ChunkDecoder decoder = null;
    while (true) {
      long[] boxStart = new long[rank];
      long[] boxCount = new long[rank];
      long[] inChunk = new long[rank];
      long[] inData = new long[rank];
      boolean whole = true;
      for (int k = 0; k < rank; k++) {
        long c0 = grid.chunkStart(k, coords[k]);
        long c1 = c0 + grid.chunkExtent(k, coords[k]);
        long b0 = Math.max(c0, start[k]);
        long b1 = Math.min(c1, start[k] + count[k]);
        boxStart[k] = b0;
        boxCount[k] = b1 - b0;
        inChunk[k] = b0 - c0;
        inData[k] = b0 - start[k];
        whole &= b0 == c0 && b1 == c1;
      }
      byte[] chunk;
      String k = p + "/" + grid.chunkKey(coords);
      ChunkRef existing = whole ? null : ref(k);
      if (existing == null) {
        chunk = new byte[enc.chunkBytes()];
        m.fillValue().fill(chunk, 0, chunk.length / item);
      } else {
        if (decoder == null) {
          decoder = new ChunkDecoder(m, options.codecs());
        }
        byte[] stored = existing.isInline() ? existing.inlineBytes() : readStored(k, existing);
        try {
          DecodedChunk d = decoder.decode(coords, ByteSlice.of(stored), ctx);
          chunk = d.bytes().toArray();
        } catch (LindiException e) {
          throw e.addContext(context().withKey(k));
        }
      }
      BoxCopy.copy(data, count, inData, chunk, chunkDims, inChunk, boxCount, item);
      writeChunk(p, coords, enc.encode(chunk));
      int a = rank - 1;
      while (a >= 0) {
        if (++coords[a] <= hi[a]) {
          break;
        }
        coords[a] = lo[a];
        a--;
      }
      if (a < 0) {
        return;
      }
    }
  }

  /** The encoder of an array's chunks (cached while its metadata stays the same). */
  public ChunkEncoder encoder(String path) {
    String p = normalize(path);
    ArrayMetadata m = arrayMetadata(p);
    ChunkEncoder e = encoders.get(p);
    if (e == null || !sameCodecs(e.metadata(), m)) {
      try {
        e = new ChunkEncoder(m, options.codecs());
      } catch (LindiException x) {
        throw x.addContext(context().withKey(key(p, ".zarray")));
      }
      encoders.put(p, e);
    }
    return e;
  }

  private static boolean sameCodecs(ArrayMetadata a, ArrayMetadata b) {
    return Arrays.equals(a.chunks(), b.chunks()) && a.dtype().equals(b.dtype())
        && a.order() == b.order() && java.util.Objects.equals(a.compressor(), b.compressor())
        && a.filters().equals(b.filters());
  }

  // ---- committing --------------------------------------------------------------------------

  /** Commits every pending change (nothing happens when there is none). */
  public void flush() throws IOException {
    checkOpen();
    boolean changed = dirty;
    if (changed) {
      ReferenceFileSystem next = build();
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
      RfsWriter.write(next, out);
      commit(next, out.toByteArray());
      committed = next;
      pendingRefs.clear();
      pendingMetadata.clear();
      removedTrees.clear();
      dirty = false;
    }
    hook.afterCommit(changed);
  }

  /** Commits pending changes, then releases the file. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      flush();
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      throw e;
    }
    closed = true;
    try {
      release();
    } finally {
      hook.close();
    }
  }

  /**
   * Releases the file without committing: it stays at its last committed state (a local lindi1
   * file also loses the bytes appended since, so it is as it was).
   */
  public void abort() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      discardUncommitted();
    } finally {
      try {
        release();
      } finally {
        hook.close();
      }
    }
  }

  private void closeQuietly() {
    try {
      abort();
    } catch (IOException | RuntimeException suppressed) {
      // the first failure is the one to report
    }
  }

  private ReferenceFileSystem build() {
    ReferenceFileSystem.Builder b = committed.toBuilder();
    for (String t : removedTrees) {
      b.removeTree(t);
    }
    for (Map.Entry<String, JsonNode> e : pendingMetadata.entrySet()) {
      if (e.getValue() == REMOVED_JSON) {
        b.remove(e.getKey());
      } else {
        b.putJson(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, ChunkRef> e : pendingRefs.entrySet()) {
      if (e.getValue() == REMOVED) {
        b.remove(e.getKey());
      } else {
        b.put(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  /** Makes the next flush commit even without other changes (a file that must be created). */
  void markChanged() {
    dirty = true;
  }

  private void putMetadata(String key, JsonNode value) {
    pendingMetadata.put(key, value);
    dirty = true;
  }

  private void removeRef(String key) {
    pendingRefs.put(key, REMOVED);
    dirty = true;
  }

  /** Chunk keys of the array at {@code p} as they stand now. */
  private List<String> chunkKeys(String p) {
    List<String> out = new ArrayList<>();
    if (!underRemovedTree(p + "/x")) {
      committed.forEachUnder(p, (suffix, r) -> {
        String k = p + "/" + suffix;
        if (!pendingRefs.containsKey(k)) {
          out.add(k);
        }
      });
    }
    for (Map.Entry<String, ChunkRef> e : pendingRefs.entrySet()) {
      if (e.getKey().startsWith(p + "/") && e.getValue() != REMOVED) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** Grid coordinates of a chunk key suffix such as {@code 3.0}, or null when it is not one. */
  private static long[] parseChunkKey(String suffix, ArrayMetadata m) {
    String[] parts = suffix.split(m.dimensionSeparator() == '.' ? "\\." : "/", -1);
    if (m.rank() == 0 || parts.length != m.rank()) {
      return null;
    }
    long[] c = new long[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        c[i] = Long.parseLong(parts[i]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return c;
  }

  ErrorContext context() {
    return ErrorContext.ofFile(location);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("writer of " + location + " is closed");
    }
  }

  static String normalize(String path) {
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

  static String key(String path, String name) {
    return path.isEmpty() ? name : path + "/" + name;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + location + (dirty ? ", pending changes" : "") + "]";
  }
}
