package org.lindi.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Writing on a filesystem that cannot write in place (HDFS, object stores): the file is copied to
 * a local working copy, changed there by the local writer, and each commit uploads a complete new
 * file beside the target ({@code .<name>.<uuid>.uploading}) and renames it over the target. The
 * rename is atomic where {@link FileContext#rename} with {@code OVERWRITE} is supported (HDFS);
 * elsewhere the target is deleted and the new file renamed onto it, and a reader in between finds
 * no file (the new one is complete under the temporary name). Readers never see a partial file.
 */
final class RemoteCopy implements CommitHook {
  private final FileSystem fs;
  private final Configuration conf;
  private final Path target;
  private final java.nio.file.Path workDir;
  private final java.nio.file.Path local;
  private final WriteLock lock;
  /** The target does not exist yet: the first flush publishes even without changes. */
  private boolean mustCreate;

  private RemoteCopy(FileSystem fs, Configuration conf, Path target, java.nio.file.Path workDir,
      java.nio.file.Path local, WriteLock lock, boolean mustCreate) {
    this.fs = fs;
    this.conf = conf;
    this.target = target;
    this.workDir = workDir;
    this.local = local;
    this.lock = lock;
    this.mustCreate = mustCreate;
  }

  static LindiWriter open(FileSystem fs, Path target, Configuration conf, WriteOptions options)
      throws IOException {
    WriteLock lock = MarkerFileLock.acquire(fs, target);
    java.nio.file.Path dir = null;
    try {
      dir = Files.createTempDirectory("lindi-write-");
      java.nio.file.Path local = dir.resolve(target.getName());
      boolean existed = fs.exists(target);
      if (existed) {
        try (InputStream in = fs.open(target)) {
          Files.copy(in, local);
        }
      }
      LindiWriter w = WriterFactory.openLocal(local, options);
      RemoteCopy hook = new RemoteCopy(fs, conf, target, dir, local, lock, !existed);
      w.setHook(hook);
      return w;
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      lock.close();
      throw e;
    }
  }

  @Override
  public void afterCommit(boolean committed) throws IOException {
    if (committed || mustCreate) {
      publish();
      mustCreate = false;
    }
  }

  private void publish() throws IOException {
    Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID()
        + ".uploading");
    try {
      try (OutputStream out = fs.create(tmp, false)) {
        Files.copy(local, out);
      }
      replace(tmp);
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
  }

  private void replace(Path tmp) throws IOException {
    FileContext fc;
    try {
      fc = FileContext.getFileContext(target.toUri(), conf);
    } catch (UnsupportedFileSystemException e) {
      fc = null;
    }
    if (fc != null) {
      try {
        fc.rename(tmp, target, Options.Rename.OVERWRITE);
        return;
      } catch (UnsupportedOperationException e) {
        // falls through to delete + rename
      }
    }
    // No atomic replace here: between the delete and the rename the name shows no file.
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("could not rename " + tmp + " to " + target);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      deleteTree(workDir);
    } finally {
      lock.close();
    }
  }

  private static void deleteTree(java.nio.file.Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
      for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
