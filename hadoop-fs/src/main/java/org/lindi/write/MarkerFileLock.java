package org.lindi.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.error.ErrorContext;

/**
 * A lock file {@code .<name>.lock} beside a lindi file on a filesystem without OS locks (HDFS,
 * object stores), created atomically with {@code create(path, overwrite=false)} and deleted on
 * close. A writer that dies leaves it behind: the error says so and where it is.
 */
final class MarkerFileLock implements WriteLock {
  private final FileSystem fs;
  private final Path lockFile;

  private MarkerFileLock(FileSystem fs, Path lockFile) {
    this.fs = fs;
    this.lockFile = lockFile;
  }

  static Path lockFileOf(Path target) {
    return new Path(target.getParent(), "." + target.getName() + ".lock");
  }

  /**
   * Takes the lock of {@code target} or fails at once.
   *
   * @throws LindiWriteConflictException naming the file when the lock file exists
   */
  static MarkerFileLock acquire(FileSystem fs, Path target) throws IOException {
    Path lockFile = lockFileOf(target);
    try (OutputStream out = fs.create(lockFile, false)) {
      out.write(("lindi writer " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (FileAlreadyExistsException e) {
      throw conflict(target, lockFile, e);
    } catch (IOException e) {
      if (fs.exists(lockFile)) {
        throw conflict(target, lockFile, e);
      }
      throw e;
    }
    return new MarkerFileLock(fs, lockFile);
  }

  private static LindiWriteConflictException conflict(Path target, Path lockFile, Exception e) {
    return new LindiWriteConflictException("cannot write: another writer holds the lock file "
        + lockFile + " (if no writer is running, a crashed one left it: delete it)",
        ErrorContext.ofFile(target.toString()), e);
  }

  @Override
  public void close() throws IOException {
    fs.delete(lockFile, false);
  }

  @Override
  public String toString() {
    return "MarkerFileLock[" + lockFile + "]";
  }
}
