package org.lindi.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lindi.error.ErrorContext;

/**
 * An OS file lock ({@code fcntl}) on a lock file {@code .<name>.lock} beside a local lindi file.
 * The OS releases it when the process dies, so a killed writer never blocks the next one. The
 * lock file is its own (not the lindi file) because closing any descriptor of a file drops the
 * process's locks on it, and readers open and close the lindi file freely. The lock file is left
 * in place on close: deleting it would let a writer that opened it just before lock a file that
 * no longer has a name while a third one locks a new one.
 */
final class LocalWriteLock implements WriteLock {
  /** Lock files this JVM holds: a second channel on one would release the first one's lock. */
  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

  private final Path lockFile;
  private final String key;
  private final FileChannel channel;
  private final FileLock lock;

  private LocalWriteLock(Path lockFile, String key, FileChannel channel, FileLock lock) {
    this.lockFile = lockFile;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code target}. */
  static Path lockFileOf(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code target} or fails at once.
   *
   * @throws LindiWriteConflictException naming the file when another writer holds it
   */
  static LocalWriteLock acquire(Path target) throws IOException {
    Path lockFile = lockFileOf(target.toAbsolutePath().normalize());
    String key = lockFile.toString();
    if (!HELD.add(key)) {
      throw conflict(target, "another writer in this process has it open");
    }
    try {
      FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw conflict(target, "another process is writing it (lock file " + lockFile + ")");
      }
      byte[] holder = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(holder), 0);
      return new LocalWriteLock(lockFile, key, ch, lock);
    } catch (IOException | RuntimeException e) {
      HELD.remove(key);
      throw e;
    }
  }

  private static LindiWriteConflictException conflict(Path target, String why) {
    return new LindiWriteConflictException("cannot write: " + why,
        ErrorContext.ofFile(target.toString()));
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
      HELD.remove(key);
    }
  }

  @Override
  public String toString() {
    return "LocalWriteLock[" + lockFile + "]";
  }
}
