package org.lindi.io;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIOException;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A read-only Hadoop {@code FileSystem} for {@code http://} and {@code https://} urls that can seek:
 * every read is an HTTP {@code Range} request through one JDK {@code HttpClient} per filesystem
 * instance (connections reused, redirects followed, 408/429/5xx and I/O errors retried with
 * backoff). Hadoop's own {@code HttpFileSystem} cannot seek, which chunk reads need. Install it
 * with {@link #register(Configuration)}.
 */
public final class HttpRangeFileSystem extends FileSystem {
  private static final String PREFIX = "lindi.http.";
  /** Milliseconds to open a connection. */
  public static final String CONNECT_TIMEOUT_KEY = PREFIX + "connect.timeout.ms";
  /** Milliseconds without a byte (headers or body) before a request is abandoned and retried. */
  public static final String IDLE_TIMEOUT_KEY = PREFIX + "idle.timeout.ms";
  /** Attempts per request, the first included. */
  public static final String RETRY_ATTEMPTS_KEY = PREFIX + "retry.attempts";
  public static final String RETRY_BASE_DELAY_KEY = PREFIX + "retry.base.delay.ms";
  public static final String RETRY_MAX_DELAY_KEY = PREFIX + "retry.max.delay.ms";
  /** Bytes fetched per request by sequential (non-positioned) reads. */
  public static final String READ_AHEAD_KEY = PREFIX + "readahead.bytes";
  /** Range requests a vectored read runs at once, per filesystem instance. */
  public static final String VECTORED_THREADS_KEY = PREFIX + "vectored.threads";
  /** The block size reported in file statuses (Spark's split planning reads it). */
  public static final String BLOCK_SIZE_KEY = PREFIX + "block.size";

  private static final List<String> SCHEMES = List.of("http", "https");

  private URI uri;
  private Path workingDirectory;
  private HttpRangeClient client;
  private int readAhead;
  private int vectoredThreads;
  private long blockSize;
  private ThreadPoolExecutor vectoredPool;

  /**
   * Makes {@code http://} and {@code https://} paths of {@code conf} use this filesystem, unless the
   * user configured {@code fs.http.impl} / {@code fs.https.impl} already. The filesystem cache stays
   * on, so that all readers of a host share one client and its connections (an instance of
   * Hadoop's own http filesystem cached before this call would still be returned for its host).
   *
   * @return true when this filesystem now serves both schemes
   */
  public static boolean register(Configuration conf) {
    boolean ours = true;
    for (String scheme : SCHEMES) {
      String key = "fs." + scheme + ".impl";
      String configured = conf.getTrimmed(key);
      if (configured == null || configured.isEmpty()) {
        conf.set(key, HttpRangeFileSystem.class.getName());
      } else {
        ours &= configured.equals(HttpRangeFileSystem.class.getName());
      }
    }
    return ours;
  }

  /** True when {@code conf} names an implementation for both schemes (this one or the user's). */
  public static boolean isConfigured(Configuration conf) {
    for (String scheme : SCHEMES) {
      String configured = conf.getTrimmed("fs." + scheme + ".impl");
      if (configured == null || configured.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    setConf(conf);
    String scheme = name.getScheme() == null ? null : name.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme) || name.getAuthority() == null) {
      throw new IOException("HttpRangeFileSystem serves http:// and https:// urls with a host, not "
          + name);
    }
    this.uri = URI.create(scheme + "://" + name.getAuthority());
    this.workingDirectory = new Path(uri.toString() + "/");
    Backoff backoff = new Backoff(conf.getInt(RETRY_ATTEMPTS_KEY, 4),
        Duration.ofMillis(conf.getLong(RETRY_BASE_DELAY_KEY, 200)),
        Duration.ofMillis(conf.getLong(RETRY_MAX_DELAY_KEY, 10_000)));
    this.client = new HttpRangeClient(
        Duration.ofMillis(conf.getLong(CONNECT_TIMEOUT_KEY, 30_000)),
        Duration.ofMillis(conf.getLong(IDLE_TIMEOUT_KEY, 60_000)), backoff);
    this.readAhead = Math.max(1, conf.getInt(READ_AHEAD_KEY, 256 * 1024));
    this.vectoredThreads = Math.max(1, conf.getInt(VECTORED_THREADS_KEY, 8));
    this.blockSize = conf.getLong(BLOCK_SIZE_KEY, 128L * 1024 * 1024);
  }

  @Override
  public String getScheme() {
    return uri == null ? "https" : uri.getScheme();
  }

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  protected int getDefaultPort() {
    return "http".equals(getScheme()) ? 80 : 443;
  }

  @Override
  public String getCanonicalServiceName() {
    return null; // no delegation tokens for plain http
  }

  @Override
  public FSDataInputStream open(Path path, int bufferSize) throws IOException {
    return new FSDataInputStream(
        new HttpRangeInputStream(client, requestUri(path), readAhead, this::vectoredPool,
            statistics));
  }

  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    Path q = makeQualified(path);
    HttpRangeClient.Resource r = client.probe(requestUri(q));
    return new FileStatus(r.length, false, 1, blockSize, r.modificationTime, q);
  }

  /** An http url is a file: listing it gives its own status. */
  @Override
  public FileStatus[] listStatus(Path path) throws IOException {
    return new FileStatus[] {getFileStatus(path)};
  }

  @Override
  public FSDataOutputStream create(Path path, FsPermission permission, boolean overwrite,
      int bufferSize, short replication, long blockSize, Progressable progress) throws IOException {
    throw readOnly("create", path);
  }

  @Override
  public FSDataOutputStream append(Path path, int bufferSize, Progressable progress)
      throws IOException {
    throw readOnly("append", path);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    throw readOnly("rename", src);
  }

  @Override
  public boolean delete(Path path, boolean recursive) throws IOException {
    throw readOnly("delete", path);
  }

  @Override
  public boolean mkdirs(Path path, FsPermission permission) throws IOException {
    throw readOnly("mkdirs", path);
  }

  @Override
  public void setWorkingDirectory(Path dir) {
    workingDirectory = makeQualified(dir);
  }

  @Override
  public Path getWorkingDirectory() {
    return workingDirectory;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      synchronized (this) {
        if (vectoredPool != null) {
          vectoredPool.shutdownNow();
        }
      }
    }
  }

  /** Threads for vectored reads, created on first use (most readers never need them). */
  private synchronized ExecutorService vectoredPool() {
    if (vectoredPool == null) {
      AtomicInteger n = new AtomicInteger();
      vectoredPool = new ThreadPoolExecutor(vectoredThreads, vectoredThreads, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "lindi-http-vectored-" + uri.getAuthority() + "-"
                + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      vectoredPool.allowCoreThreadTimeOut(true);
    }
    return vectoredPool;
  }

  /**
   * The url to request for a path. Hadoop keeps the path as written (a query string included) in
   * {@code toUri().getPath()}; characters a URI cannot hold are percent-encoded, {@code %} escapes
   * that were already there are kept.
   */
  URI requestUri(Path path) {
    URI u = makeQualified(path).toUri();
    String p = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
    return URI.create(u.getScheme() + "://" + u.getAuthority() + encodeIllegal(p));
  }

  static String encodeIllegal(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      if (escape || (c > 0x20 && c < 0x7f && "\"<>\\^`{|}#[]%".indexOf(c) < 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }

  private static IOException readOnly(String operation, Path path) {
    PathIOException e = new PathIOException(path.toString(),
        "HttpRangeFileSystem is read-only (operation not supported)");
    e.setOperation(operation);
    return e;
  }

  @Override
  public String toString() {
    return "HttpRangeFileSystem[" + uri + "]";
  }
}
