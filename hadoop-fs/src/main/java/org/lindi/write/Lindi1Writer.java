package org.lindi.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.lindi.container.Lindi1Header;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.rfs.ChunkRef;
import org.lindi.rfs.ReferenceFileSystem;

/**
 * Writes a local lindi1 file in place (SPEC 2.1). Chunk bytes are appended at the end of the file
 * as {@code [".", offset, size]} refs; a commit writes the new RFS JSON where the current one is
 * not (before it or after it inside the current region, or in a new region at the end), makes it
 * durable, and only then rewrites the 1024-byte header: the header write is the only moment the
 * current RFS changes, so a kill at any point leaves the old or the new state.
 */
public final class Lindi1Writer extends LindiWriter {
  /** The self url of lindi1 chunk refs. */
  public static final String SELF = ".";

  private final Path file;
  private final FileChannel channel;
  private final WriteLock lock;
  private Lindi1Header header;
  /** Start of the free space before the current JSON that belongs to its region (known to us). */
  private long regionStart;
  /** Where the next appended bytes go: the end of the file. */
  private long end;
  /** The end of the file as of the last commit (or the open): what an abort truncates back to. */
  private long committedEnd;
  /** A new RFS written into the current region by a commit that has not switched the header yet. */
  private long strayAt = -1;
  private long strayLength;
  private int relocations;
  /** The temporary name of a file not yet committed once, or null. */
  private Path creating;

  private Lindi1Writer(Path file, FileChannel channel, WriteLock lock, Lindi1Header header,
      ReferenceFileSystem rfs, WriteOptions options) throws IOException {
    super(file.toString(), rfs, options);
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.header = header;
    this.regionStart = header.rfsStart();
    this.end = channel.size();
    this.committedEnd = end;
  }

  /** Opens an existing lindi1 file whose header and RFS were read already; takes over the lock. */
  static Lindi1Writer open(Path file, WriteLock lock, Lindi1Header header, ReferenceFileSystem rfs,
      WriteOptions options) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      if (ch.size() < header.rfsEnd()) {
        throw new LindiFormatException("truncated file: the RFS region ends at " + header.rfsEnd()
            + ", past the end of the file (" + ch.size() + " bytes)",
            org.lindi.error.ErrorContext.ofFile(file.toString()));
      }
      return new Lindi1Writer(file, ch, lock, header, rfs, options);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Creates a lindi1 file holding {@code rfs}. It is built under a temporary name beside the
   * target and renamed onto it by the first commit, so the name never shows a half-written file
   * and the first committed RFS sits at 1024, as in a file written in one go.
   */
  static Lindi1Writer create(Path file, WriteLock lock, ReferenceFileSystem rfs,
      WriteOptions options) throws IOException {
    byte[] json = serialise(rfs);
    long region = regionSize(json.length, options);
    Lindi1Header h = new Lindi1Header(Lindi1Header.SIZE, json.length, region - json.length);
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".creating");
    FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      PositionedIo.write(ch, 0, h.toBytes());
      PositionedIo.write(ch, Lindi1Header.SIZE, json);
      PositionedIo.writeZeros(ch, Lindi1Header.SIZE + json.length, region - json.length);
      Lindi1Writer w = new Lindi1Writer(file, ch, lock, h, rfs, options);
      w.creating = tmp;
      w.markChanged();
      return w;
    } catch (IOException | RuntimeException e) {
      ch.close();
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  private static byte[] serialise(ReferenceFileSystem rfs) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    org.lindi.rfs.RfsWriter.write(rfs, out);
    return out.toByteArray();
  }

  /** LINDI's rule: the region size, doubled until it holds twice the JSON. */
  static long regionSize(long jsonLength, WriteOptions options) {
    long total = Math.max(1, options.rfsRegion());
    while (total < 2 * jsonLength) {
      total *= 2;
    }
    return total;
  }

  /** The header as last committed. */
  public Lindi1Header header() {
    return header;
  }

  /** How many commits had to move the RFS to a new region at the end of the file. */
  public int relocations() {
    return relocations;
  }

  @Override
  ChunkRef storeChunk(String key, byte[] bytes) throws IOException {
    long at = end;
    PositionedIo.write(channel, at, bytes);
    end = at + bytes.length;
    return ChunkRef.range(SELF, at, bytes.length);
  }

  @Override
  byte[] readStored(String key, ChunkRef ref) throws IOException {
    if (!SELF.equals(ref.url())) {
      throw new UnsupportedFeatureException("rewriting part of a chunk stored outside the file ("
          + ref + ") is not supported: write whole chunks", context().withKey(key));
    }
    if (ref.length() < 0 || ref.offset() + ref.length() > end || ref.length() > Integer.MAX_VALUE) {
      throw new LindiFormatException("chunk ref " + ref + " reaches past the end of the file ("
          + end + " bytes)", context().withKey(key));
    }
    return PositionedIo.read(channel, ref.offset(), (int) ref.length());
  }

  @Override
  void commit(ReferenceFileSystem rfs, byte[] json) throws IOException {
    if (creating != null && json.length <= header.rfsSize() + header.rfsPadding()) {
      commitNewFile(json);
      return;
    }
    // 1. The appended chunks are durable before anything points to them.
    channel.force(false);
    long s = header.rfsStart();
    long n = header.rfsSize();
    long regionEnd = header.rfsEnd();
    long len = json.length;
    long at;
    boolean relocated = false;
    // 2. The new RFS goes where the current one is not: before it, after it, or at the end.
    if (len <= s - regionStart) {
      at = regionStart;
    } else if (len <= regionEnd - (s + n)) {
      at = s + n;
    } else {
      long region = regionSize(len, options());
      at = end;
      PositionedIo.writeZeros(channel, at + len, region - len);
      regionEnd = at + region;
      end = regionEnd;
      relocated = true;
    }
    strayAt = at;
    strayLength = len;
    PositionedIo.write(channel, at, json);
    channel.force(relocated);
    // 3. The commit point: one write of the 1024-byte header (its JSON lies in the first sector).
    Lindi1Header next = new Lindi1Header(at, len, regionEnd - at - len);
    PositionedIo.write(channel, 0, next.toBytes());
    channel.force(false);
    header = next;
    strayAt = -1;
    committedEnd = end;
    // 4. Only now is the old RFS free: blank it so no stale JSON lingers in the padding.
    PositionedIo.writeZeros(channel, s, n);
    if (relocated) {
      regionStart = at;
      relocations++;
    }
    publishNewFile();
  }

  /** A file no one has seen yet: its RFS is written at 1024, then it takes its name. */
  private void commitNewFile(byte[] json) throws IOException {
    long s = header.rfsStart();
    long room = header.rfsSize() + header.rfsPadding();
    PositionedIo.write(channel, s, json);
    PositionedIo.writeZeros(channel, s + json.length, Math.max(0, header.rfsSize() - json.length));
    Lindi1Header next = new Lindi1Header(s, json.length, room - json.length);
    PositionedIo.write(channel, 0, next.toBytes());
    header = next;
    committedEnd = end;
    publishNewFile();
  }

  private void publishNewFile() throws IOException {
    if (creating != null) {
      channel.force(true);
      Files.move(creating, file, StandardCopyOption.ATOMIC_MOVE);
      creating = null;
    }
  }

  @Override
  void discardUncommitted() throws IOException {
    if (creating != null || !channel.isOpen()) {
      return; // a file never committed is deleted by release()
    }
    // only while the header on disk is the one we committed: a commit that failed after its
    // header write made the new RFS (and the chunks it points to) current
    Lindi1Header onDisk = Lindi1Header.parse(PositionedIo.read(channel, 0, Lindi1Header.SIZE), location());
    if (onDisk.rfsStart() != header.rfsStart() || onDisk.rfsSize() != header.rfsSize()) {
      return;
    }
    if (strayAt >= 0 && strayAt + strayLength <= committedEnd) {
      PositionedIo.writeZeros(channel, strayAt, strayLength); // the region's padding was NULs
    }
    if (channel.size() > committedEnd) {
      channel.truncate(committedEnd);
    }
    channel.force(true);
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
    return "Lindi1Writer[" + file + ", " + header + "]";
  }
}
