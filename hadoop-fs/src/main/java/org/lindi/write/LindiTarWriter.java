package org.lindi.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.lindi.container.TarEntry;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.rfs.ChunkRef;
import org.lindi.rfs.ReferenceFileSystem;
import org.lindi.rfs.RfsParser;

/**
 * Writes a local {@code .lindi.tar} the way LINDI's Python package lays it out (SPEC 2.2), so
 * LINDI reads it and appends to it: chunks become members {@code blobs/<key>} (then
 * {@code .v2}, {@code .v3}... when rewritten) with refs {@code ["./blobs/<key>", 0, size]},
 * appended before the closing 1024 NUL bytes. A commit never rewrites the live
 * {@code lindi.json} or {@code .tar_index.json}: it writes new copies (into the space of the copies
 * the previous commit superseded, or appended), then rewrites {@code .tar_entry.json} to point
 * to the new index, the one moment the committed state changes, and finally renames the old
 * copies {@code .trash/...}. A kill at any moment leaves the old or the new state.
 */
public final class LindiTarWriter extends LindiWriter {
  private static final byte[] END_OF_ARCHIVE = new byte[2 * UstarBlock.BLOCK];
  private static final String BLOBS = "blobs/";
  private static final String TRASH = ".trash/";

  private final Path file;
  private final FileChannel channel;
  private final WriteLock lock;
  /** Members LINDI's index lists, in its order (name to member). */
  private final Map<String, TarEntry> members;
  private List<TarEntry> spares;
  private final com.fasterxml.jackson.databind.node.ObjectNode extra;
  /** Where the end-of-archive marker starts: the next member goes here. */
  private long end;
  private int appendedCopies;
  /** The temporary name of a tar not yet committed once, or null. */
  private Path creating;

  private LindiTarWriter(Path file, FileChannel channel, WriteLock lock, TarIndexDocument index,
      ReferenceFileSystem rfs, long end, WriteOptions options) {
    super(file.toString(), rfs, options);
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.members = new LinkedHashMap<>();
    for (TarEntry m : index.files()) {
      members.put(m.name(), m);
    }
    this.spares = new ArrayList<>(index.spares());
    this.extra = index.extra();
    this.end = end;
  }

  /** Opens a {@code .lindi.tar} through LINDI's index; takes over the lock. */
  static LindiTarWriter open(Path file, WriteLock lock, WriteOptions options) throws IOException {
    return open(file, file, lock, options);
  }

  /** Opens the tar at {@code at}, which becomes {@code file} (they differ while it is created). */
  private static LindiTarWriter open(Path at, Path file, WriteLock lock, WriteOptions options)
      throws IOException {
    FileChannel ch = FileChannel.open(at, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      String where = file.toString();
      long size = ch.size();
      if (size < 2 * UstarBlock.BLOCK + TarIndexDocument.ENTRY_SIZE) {
        throw error(where, "too short for a .lindi.tar (" + size + " bytes)");
      }
      String first = headerName(PositionedIo.read(ch, 0, UstarBlock.BLOCK));
      if (!TarIndexDocument.ENTRY.equals(first)) {
        throw error(where, "the first tar member is '" + first + "', not "
            + TarIndexDocument.ENTRY + ": not a .lindi.tar LINDI can append to");
      }
      TarEntry indexMember = TarIndexDocument.parseEntry(
          PositionedIo.read(ch, UstarBlock.BLOCK, TarIndexDocument.ENTRY_SIZE), where);
      TarIndexDocument index =
          TarIndexDocument.parse(read(ch, indexMember, where), where);
      Map<String, TarEntry> byName = new LinkedHashMap<>();
      long end = 0;
      for (TarEntry m : index.files()) {
        byName.putIfAbsent(m.name(), m);
        end = Math.max(end, m.end());
      }
      for (TarEntry m : index.spares()) {
        end = Math.max(end, m.end());
      }
      // LINDI itself refuses an index that does not list itself and the entry document as is.
      if (!indexMember.equals(byName.get(TarIndexDocument.INDEX))) {
        throw error(where, TarIndexDocument.ENTRY + " points to " + indexMember
            + " but the index lists " + byName.get(TarIndexDocument.INDEX));
      }
      TarEntry entry = byName.get(TarIndexDocument.ENTRY);
      if (entry == null || entry.headerOffset() != 0 || entry.dataOffset() != UstarBlock.BLOCK
          || entry.size() != TarIndexDocument.ENTRY_SIZE) {
        throw error(where, "the index lists " + TarIndexDocument.ENTRY + " as " + entry
            + ", expected [0, 512, 1024]");
      }
      TarEntry rfsMember = byName.get(TarIndexDocument.RFS);
      if (rfsMember == null) {
        throw error(where, "the tar index lists no " + TarIndexDocument.RFS);
      }
      if (end > size) {
        throw error(where, "truncated file: members end at " + end + ", past the end of the file ("
            + size + " bytes)");
      }
      byte[] rfsBytes = read(ch, rfsMember, where);
      ReferenceFileSystem rfs = RfsParser.parse(rfsBytes, 0, rfsBytes.length, where);
      LindiTarWriter w = new LindiTarWriter(file, ch, lock, index, rfs, end, options);
      w.renameSpares();
      return w;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Creates a {@code .lindi.tar} holding {@code rfs}, laid out as LINDI creates one
   * ({@code .tar_entry.json}, an 8 KiB {@code .tar_index.json}, a padded {@code lindi.json}),
   * built under a temporary name beside the target and renamed onto it by the first commit.
   */
  static LindiTarWriter create(Path file, WriteLock lock, ReferenceFileSystem rfs,
      WriteOptions options) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    org.lindi.rfs.RfsWriter.write(rfs, out);
    byte[] json = out.toByteArray();
    int b = UstarBlock.BLOCK;
    TarEntry entry = new TarEntry(TarIndexDocument.ENTRY, 0, b, TarIndexDocument.ENTRY_SIZE);
    TarEntry index = new TarEntry(TarIndexDocument.INDEX, entry.end(), entry.end() + b,
        TarIndexDocument.INITIAL_SIZE);
    long rfsSize = TarIndexDocument.paddedSize(json.length);
    TarEntry rfsMember = new TarEntry(TarIndexDocument.RFS, index.end(), index.end() + b, rfsSize);
    byte[] indexJson = new TarIndexDocument(List.of(entry, index, rfsMember), List.of(),
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()).toBytes();
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".creating");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      PositionedIo.write(ch, 0, memberBytes(entry, TarIndexDocument.entryBytes(index), false));
      PositionedIo.write(ch, index.headerOffset(), memberBytes(index,
          TarIndexDocument.spacePadded(indexJson, index.size()), false));
      PositionedIo.write(ch, rfsMember.headerOffset(), memberBytes(rfsMember,
          TarIndexDocument.spacePadded(json, rfsSize), true));
    }
    try {
      LindiTarWriter w = open(tmp, file, lock, options);
      w.creating = tmp;
      w.markChanged();
      return w;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** How many commits appended new copies of the index or RFS (instead of reusing space). */
  public int appendedCopies() {
    return appendedCopies;
  }

  @Override
  ChunkRef storeChunk(String key, byte[] bytes) throws IOException {
    TarEntry m = append(blobName(key), bytes);
    members.put(m.name(), m);
    return ChunkRef.range("./" + m.name(), 0, bytes.length);
  }

  /** {@code blobs/<key>}, then {@code .v2}, {@code .v3}... as LINDI names rewritten chunks. */
  private String blobName(String key) {
    String base = BLOBS + key;
    if (!UstarBlock.fits(base + ".v999999")) {
      // Too long for a ustar header even with its prefix field: a name derived from the key.
      base = BLOBS + sha1(key);
    }
    String name = base;
    for (int v = 2; members.containsKey(name); v++) {
      name = base + ".v" + v;
    }
    return name;
  }

  private static String sha1(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  byte[] readStored(String key, ChunkRef ref) throws IOException {
    String url = ref.url();
    TarEntry m = url.startsWith("./") ? members.get(url.substring(2)) : null;
    if (m == null) {
      throw new UnsupportedFeatureException("rewriting part of a chunk stored outside the tar ("
          + ref + ") is not supported: write whole chunks", context().withKey(key));
    }
    long len = ref.length() == ChunkRef.WHOLE_FILE ? m.size() - ref.offset() : ref.length();
    if (ref.offset() + len > m.size() || len > Integer.MAX_VALUE) {
      throw new LindiFormatException("chunk ref " + ref + " reaches past its tar member " + m,
          context().withKey(key));
    }
    return PositionedIo.read(channel, m.dataOffset() + ref.offset(), (int) len);
  }

  @Override
  void commit(ReferenceFileSystem rfs, byte[] json) throws IOException {
    if (creating != null) {
      commitNewFile(json);
      return;
    }
    // 1. The appended blobs are durable, and the archive ends with its 1024 NUL bytes (bytes a
    //    killed writer appended past the committed members are dropped).
    PositionedIo.write(channel, end, END_OF_ARCHIVE);
    if (channel.size() > end + END_OF_ARCHIVE.length) {
      channel.truncate(end + END_OF_ARCHIVE.length);
    }
    channel.force(true);
    TarEntry oldRfs = members.get(TarIndexDocument.RFS);
    TarEntry oldIndex = members.get(TarIndexDocument.INDEX);
    String rfsTrash = trashName(TarIndexDocument.RFS);
    String indexTrash = trashName(TarIndexDocument.INDEX);
    // 2. The new RFS goes into the copy the previous commit superseded, or to the end.
    TarEntry newRfs = place(TarIndexDocument.RFS, json, null);
    // 3. The new index likewise; it lists the copies this commit supersedes as reusable.
    List<TarEntry> nextSpares = List.of(oldRfs.renamed(rfsTrash), oldIndex.renamed(indexTrash));
    Map<String, TarEntry> next = new LinkedHashMap<>(members);
    next.put(TarIndexDocument.RFS, newRfs);
    TarEntry newIndex = placeIndex(next, nextSpares);
    channel.force(true);
    // 4. The commit point: one write of the 1024-byte .tar_entry.json (its JSON comes first).
    PositionedIo.write(channel, UstarBlock.BLOCK, TarIndexDocument.entryBytes(newIndex));
    channel.force(false);
    // 5. The old copies are trash now, kept for the next commit to reuse.
    rename(oldRfs.headerOffset(), rfsTrash);
    rename(oldIndex.headerOffset(), indexTrash);
    members.put(TarIndexDocument.RFS, newRfs);
    members.put(TarIndexDocument.INDEX, newIndex);
    spares = new ArrayList<>(nextSpares);
  }

  /**
   * A tar no one has seen yet: {@code lindi.json} and the index are rewritten where they are (the
   * RFS is appended when it outgrows its member), then the tar takes its name.
   */
  private void commitNewFile(byte[] json) throws IOException {
    TarEntry rfsMember = members.get(TarIndexDocument.RFS);
    if (json.length <= rfsMember.size()) {
      PositionedIo.write(channel, rfsMember.dataOffset(),
          TarIndexDocument.spacePadded(json, rfsMember.size()));
    } else {
      TarEntry old = rfsMember;
      rfsMember = append(TarIndexDocument.RFS,
          TarIndexDocument.spacePadded(json, TarIndexDocument.paddedSize(json.length)));
      rename(old.headerOffset(), trashName(TarIndexDocument.RFS));
      members.put(TarIndexDocument.RFS, rfsMember);
    }
    TarEntry index = members.get(TarIndexDocument.INDEX);
    byte[] text = new TarIndexDocument(new ArrayList<>(members.values()), spares, extra).toBytes();
    if (text.length <= index.size()) {
      PositionedIo.write(channel, index.dataOffset(), TarIndexDocument.spacePadded(text, index.size()));
    } else {
      TarEntry old = index;
      index = placeIndex(new LinkedHashMap<>(members), spares);
      PositionedIo.write(channel, UstarBlock.BLOCK, TarIndexDocument.entryBytes(index));
      rename(old.headerOffset(), trashName(TarIndexDocument.INDEX));
      members.put(TarIndexDocument.INDEX, index);
    }
    PositionedIo.write(channel, end, END_OF_ARCHIVE);
    channel.force(true);
    Files.move(creating, file, StandardCopyOption.ATOMIC_MOVE);
    creating = null;
  }

  /** Writes {@code text} space padded into a reusable copy named like {@code name}, or appends it. */
  private TarEntry place(String name, byte[] text, TarEntry forced) throws IOException {
    TarEntry spare = forced != null ? forced : spare(name, text.length);
    if (spare != null) {
      spares.remove(spare);
      rename(spare.headerOffset(), name);
      PositionedIo.write(channel, spare.dataOffset(), TarIndexDocument.spacePadded(text, spare.size()));
      return spare.renamed(name);
    }
    appendedCopies++;
    return append(name, TarIndexDocument.spacePadded(text, TarIndexDocument.paddedSize(text.length)));
  }

  /** The index lists itself, so its text depends on where it goes: try the spare, then the end. */
  private TarEntry placeIndex(Map<String, TarEntry> next, List<TarEntry> nextSpares)
      throws IOException {
    String name = TarIndexDocument.INDEX;
    TarEntry spare = spare(name, 0);
    if (spare != null) {
      byte[] text = indexText(next, spare.renamed(name), nextSpares);
      if (text.length <= spare.size()) {
        return place(name, text, spare);
      }
    }
    long size = TarIndexDocument.INITIAL_SIZE;
    while (true) {
      TarEntry candidate = new TarEntry(name, end, end + UstarBlock.BLOCK, size);
      byte[] text = indexText(next, candidate, nextSpares);
      long needed = TarIndexDocument.paddedSize(text.length);
      if (needed <= size) {
        appendedCopies++;
        return append(name, TarIndexDocument.spacePadded(text, size));
      }
      size = needed;
    }
  }

  private byte[] indexText(Map<String, TarEntry> next, TarEntry index, List<TarEntry> nextSpares) {
    next.put(TarIndexDocument.INDEX, index);
    return new TarIndexDocument(new ArrayList<>(next.values()), nextSpares, extra).toBytes();
  }

  /** The largest reusable copy of {@code name} holding at least {@code length} bytes, or null. */
  private TarEntry spare(String name, long length) {
    TarEntry best = null;
    for (TarEntry s : spares) {
      if (s.name().startsWith(TRASH + name + ".") && s.size() >= length
          && (best == null || s.size() > best.size())) {
        best = s;
      }
    }
    return best;
  }

  /**
   * Appends a member (header, data, block padding, end-of-archive marker) in one write, so a
   * kill never leaves the archive without its end marker.
   */
  private TarEntry append(String name, byte[] data) throws IOException {
    TarEntry m = new TarEntry(name, end, end + UstarBlock.BLOCK, data.length);
    PositionedIo.write(channel, end, memberBytes(m, data, true));
    end = m.end();
    return m;
  }

  private static byte[] memberBytes(TarEntry m, byte[] data, boolean endOfArchive) {
    int padded = (int) UstarBlock.padded(data.length);
    byte[] out = new byte[UstarBlock.BLOCK + padded + (endOfArchive ? END_OF_ARCHIVE.length : 0)];
    System.arraycopy(UstarBlock.header(m.name(), data.length), 0, out, 0, UstarBlock.BLOCK);
    System.arraycopy(data, 0, out, UstarBlock.BLOCK, data.length);
    return out;
  }

  /** Renames the member whose header is at {@code offset}, as LINDI's trash does. */
  private void rename(long offset, String name) throws IOException {
    byte[] h = PositionedIo.read(channel, offset, UstarBlock.BLOCK);
    if (name.equals(headerName(h))) {
      return;
    }
    UstarBlock.setName(h, name);
    PositionedIo.write(channel, offset, h);
  }

  /** A kill between a commit and its renames leaves live names on the spares: fix them. */
  private void renameSpares() throws IOException {
    for (TarEntry s : spares) {
      rename(s.headerOffset(), s.name());
    }
  }

  private static String trashName(String name) {
    StringBuilder sb = new StringBuilder(TRASH).append(name).append('.');
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  private static String headerName(byte[] h) {
    int n = 0;
    while (n < 100 && h[n] != 0) {
      n++;
    }
    String name = new String(h, 0, n, StandardCharsets.UTF_8);
    int p = 0;
    while (p < 155 && h[345 + p] != 0) {
      p++;
    }
    return p == 0 ? name : new String(h, 345, p, StandardCharsets.UTF_8) + "/" + name;
  }

  private static byte[] read(FileChannel ch, TarEntry m, String where) throws IOException {
    if (m.dataOffset() + m.size() > ch.size() || m.size() > Integer.MAX_VALUE - 16) {
      throw error(where, "tar member " + m + " reaches past the end of the file ("
          + ch.size() + " bytes)");
    }
    return PositionedIo.read(ch, m.dataOffset(), (int) m.size());
  }

  private static LindiFormatException error(String file, String reason) {
    return new LindiFormatException(reason, ErrorContext.ofFile(file));
  }

  @Override
  void release() throws IOException {
    try {
      channel.close();
      if (creating != null) {
        Files.deleteIfExists(creating);
      }
    } finally {
      lock.close();
    }
  }

  @Override
  public String toString() {
    return "LindiTarWriter[" + file + ", " + members.size() + " members]";
  }
}
