package org.lindi.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.container.Lindi1Header;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.rfs.ReferenceFileSystem;
import org.lindi.rfs.RfsParser;

/** Picks the writer of a path: container by content (or by name for a new file), local or remote. */
final class WriterFactory {
  static final String TAR_SUFFIX = ".lindi.tar";

  private WriterFactory() {}

  static LindiWriter open(Path path, Configuration conf, WriteOptions options) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    Path qualified = fs.makeQualified(path);
    if ("file".equals(qualified.toUri().getScheme())) {
      return openLocal(Paths.get(qualified.toUri()), options);
    }
    return RemoteCopy.open(fs, qualified, conf, options);
  }

  /**
   * A writer of a file on the local filesystem, changed in place. Reads what it needs with
   * java.nio, without Hadoop, so a process that only writes starts quickly.
   */
  static LindiWriter openLocal(java.nio.file.Path file, WriteOptions options) throws IOException {
    WriteLock lock = LocalWriteLock.acquire(file);
    try {
      if (!Files.exists(file)) {
        ReferenceFileSystem empty = ReferenceFileSystem.builder()
            .putJson(".zgroup", JsonNodeFactory.instance.objectNode().put("zarr_format", 2))
            .build();
        return isTarName(file.getFileName().toString())
            ? LindiTarWriter.create(file, lock, empty, options)
            : Lindi1Writer.create(file, lock, empty, options);
      }
      byte[] head = new byte[Lindi1Header.SIZE];
      int n;
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(head, 0, head.length);
      }
      if (n >= 263 && isUstar(head)) {
        return LindiTarWriter.open(file, lock, options);
      }
      if (n == Lindi1Header.SIZE && head[0] == '{' && hasNul(head)) {
        Lindi1Header header = Lindi1Header.parse(head, file.toString());
        return Lindi1Writer.open(file, lock, header, readRfs(file, header), options);
      }
      throw new UnsupportedFeatureException("can only write lindi1 files and .lindi.tar archives, "
          + "and this is neither (a .lindi.json or .lindi.d cannot be written)",
          ErrorContext.ofFile(file.toString()));
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static ReferenceFileSystem readRfs(java.nio.file.Path file, Lindi1Header h)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (h.rfsEnd() > ch.size() || h.rfsSize() > Integer.MAX_VALUE - 16) {
        throw new LindiFormatException("truncated file: the RFS region [" + h.rfsStart() + ", "
            + h.rfsEnd() + ") ends past the end of the file (" + ch.size() + " bytes)",
            ErrorContext.ofFile(file.toString()));
      }
      byte[] json = PositionedIo.read(ch, h.rfsStart(), (int) h.rfsSize());
      return RfsParser.parse(json, 0, json.length, file.toString());
    }
  }

  private static boolean isUstar(byte[] head) {
    return head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
        && head[261] == 'r' && (head[262] == 0 || head[262] == ' ');
  }

  private static boolean hasNul(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  static boolean isTarName(String name) {
    return name.endsWith(TAR_SUFFIX);
  }
}
