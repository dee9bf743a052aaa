package org.lindi.io;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * Local files under the test scheme {@code flaky://<authority>/<local path>} whose positioned reads
 * fail {@code flaky.failures} times before they succeed. Counts statuses, opens, reads and open
 * streams. Use a fresh authority per test: the filesystem cache keeps one instance per authority.
 */
public class FlakyFileSystem extends FileSystem {
  static final String SCHEME = "flaky";
  static final String FAILURES = "flaky.failures";
  /** "transient" (a plain IOException) or "denied" (AccessDeniedException). */
  static final String FAILURE_KIND = "flaky.failure";
  /** Whether streams declare in:readvectored (Hadoop's default vectored read then runs). */
  static final String VECTORED = "flaky.vectored";

  private static final AtomicInteger AUTHORITIES = new AtomicInteger();

  final AtomicInteger failuresLeft = new AtomicInteger();
  final AtomicInteger statusCalls = new AtomicInteger();
  final AtomicInteger openCalls = new AtomicInteger();
  final AtomicInteger readCalls = new AtomicInteger();
  final AtomicInteger vectoredCalls = new AtomicInteger();
  final AtomicInteger openStreams = new AtomicInteger();
  private URI uri;
  private boolean denied;
  private boolean vectored;

  /** Registers the scheme on {@code conf} with the given failure count. */
  static Configuration configure(Configuration conf, int failures, String kind, boolean vectored) {
    conf.set("fs." + SCHEME + ".impl", FlakyFileSystem.class.getName());
    conf.setInt(FAILURES, failures);
    conf.set(FAILURE_KIND, kind);
    conf.setBoolean(VECTORED, vectored);
    return conf;
  }

  /** The flaky path of a local file, under a new authority (so a new filesystem instance). */
  static Path pathOf(java.nio.file.Path local) {
    return new Path(SCHEME + "://t" + AUTHORITIES.incrementAndGet() + local.toAbsolutePath());
  }

  /** Another file on the same instance as {@code sibling}. */
  static Path pathOf(java.nio.file.Path local, Path sibling) {
    return new Path(SCHEME + "://" + sibling.toUri().getAuthority() + local.toAbsolutePath());
  }

  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    uri = URI.create(SCHEME + "://" + name.getAuthority());
    failuresLeft.set(conf.getInt(FAILURES, 0));
    denied = "denied".equals(conf.get(FAILURE_KIND));
    vectored = conf.getBoolean(VECTORED, false);
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public URI getUri() {
    return uri;
  }

  private File local(Path p) {
    return new File(p.toUri().getPath());
  }

  @Override
  public FSDataInputStream open(Path path, int bufferSize) throws IOException {
    openCalls.incrementAndGet();
    File f = local(path);
    if (!f.isFile()) {
      throw new FileNotFoundException(path.toString());
    }
    openStreams.incrementAndGet();
    return new FSDataInputStream(new Stream(new RandomAccessFile(f, "r")));
  }

  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    statusCalls.incrementAndGet();
    File f = local(path);
    if (!f.exists()) {
      throw new FileNotFoundException(path.toString());
    }
    return new FileStatus(f.length(), f.isDirectory(), 1, 1 << 20, f.lastModified(),
        makeQualified(path));
  }

  @Override
  public FileStatus[] listStatus(Path path) throws IOException {
    return new FileStatus[] {getFileStatus(path)};
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite,
      int bufferSize, short replication, long blockSize, Progressable progress) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public FSDataOutputStream append(Path f, int bufferSize, Progressable progress)
      throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public void setWorkingDirectory(Path dir) {
  }

  @Override
  public Path getWorkingDirectory() {
    return new Path(uri + "/");
  }

  @Override
  public boolean mkdirs(Path f, FsPermission permission) throws IOException {
    throw new IOException("read-only");
  }

  /** A local file whose positioned reads fail while failures are left. */
  private final class Stream extends CountingVectoredStream implements StreamCapabilities {
    private final RandomAccessFile file;
    private boolean closed;

    Stream(RandomAccessFile file) {
      this.file = file;
    }

    @Override
    public synchronized int read(long position, byte[] b, int off, int len) throws IOException {
      readCalls.incrementAndGet();
      if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        throw denied ? new AccessDeniedException("injected: access denied")
            : new IOException("injected transient failure");
      }
      file.seek(position);
      return file.read(b, off, len);
    }

    @Override
    public synchronized void seek(long pos) throws IOException {
      file.seek(pos);
    }

    @Override
    public synchronized long getPos() throws IOException {
      return file.getFilePointer();
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
      return false;
    }

    @Override
    public synchronized int read() throws IOException {
      return file.read();
    }

    @Override
    void countVectoredCall() {
      vectoredCalls.incrementAndGet();
    }

    @Override
    public boolean hasCapability(String capability) {
      return vectored && VectoredReads.CAPABILITY.equals(capability);
    }

    @Override
    public synchronized void close() throws IOException {
      if (!closed) {
        closed = true;
        openStreams.decrementAndGet();
        file.close();
      }
    }
  }
}
