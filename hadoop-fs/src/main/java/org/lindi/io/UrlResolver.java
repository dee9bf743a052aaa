package org.lindi.io;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.lindi.container.FileRange;
import org.lindi.container.LindiContainer;
import org.lindi.error.ChunkFetchException;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.error.RefOutOfBoundsException;
import org.lindi.rfs.ChunkRef;

/**
 * Turns the url of a chunk ref into the byte range of a Hadoop file (SPEC section 3), one per open
 * lindi file: after {@code urlRewrite}, {@code .} is the lindi file, {@code ./x} is inside the
 * container, a url with a scheme is used as is, a relative path is below the folder holding the
 * lindi file and an absolute path is on the lindi file's filesystem; then the {@link
 * LocationPolicy} decides. Thread-safe.
 */
public final class UrlResolver {
  /** A scheme of two or more characters, so that a Windows drive letter is not taken for one. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]+:");

  /** Real RFS files point at a handful of external files; this only bounds a hostile one. */
  private static final int MAX_CACHED_URLS = 10_000;

  private final LindiContainer container;
  private final UrlRewrite rewrite;
  private final LocationPolicy policy;
  private final Map<String, Path> externalTargets = new ConcurrentHashMap<>();
  private volatile Target last;

  /**
   * @param container the open lindi file; its location is qualified through its filesystem
   * @param conf used to qualify a location given without scheme or authority
   */
  public UrlResolver(LindiContainer container, Configuration conf, UrlRewrite rewrite,
      List<String> allowedLocations) {
    this(container, rewrite, new LocationPolicy(qualify(container.location(), conf),
        allowedLocations));
  }

  /** With a policy built for this container's (qualified) location. */
  public UrlResolver(LindiContainer container, UrlRewrite rewrite, LocationPolicy policy) {
    this.container = container;
    this.rewrite = rewrite;
    this.policy = policy;
  }

  /** From the Spark options {@code urlRewrite} and {@code allowedLocations} (either may be null). */
  public static UrlResolver fromOptions(LindiContainer container, Configuration conf,
      String urlRewrite, String allowedLocations) {
    return new UrlResolver(container, conf, UrlRewrite.parse(urlRewrite),
        LocationPolicy.parseAllowedLocations(allowedLocations));
  }

  public LocationPolicy policy() {
    return policy;
  }

  /** The byte range a range ref points to (a {@code [url]} ref gives length -1: to the end). */
  public FileRange resolve(ChunkRef ref) {
    if (ref.isInline()) {
      throw new IllegalArgumentException("an inline ref has no url: " + ref);
    }
    return resolve(ref.url(), ref.offset(), ref.length());
  }

  /**
   * The byte range {@code [offset, offset + length)} of {@code url}; length -1 means to the end.
   *
   * @throws RefOutOfBoundsException when a range inside the container does not fit its entry
   * @throws org.lindi.error.LocationNotAllowedException when the policy refuses the target
   */
  public FileRange resolve(String url, long offset, long length) {
    if (url == null || url.isEmpty()) {
      throw new LindiFormatException("a chunk ref has an empty url",
          ErrorContext.ofFile(policy.lindiLocation().toString()));
    }
    if (offset < 0 || length < -1) {
      throw new RefOutOfBoundsException("negative ref offset or length", context(url, offset, length));
    }
    Target t = last;
    if (t == null || t.url != url) {
      t = target(url);
      last = t;
    }
    if (t.entry != null) {
      return inside(t.rewritten, t.entry, offset, length);
    }
    return new FileRange(t.path, offset, length);
  }

  /**
   * Where a url points, checked against the policy once: an entry of the container, or a file.
   * Refs come by the million with a handful of urls, so {@link #resolve} keeps the last one.
   */
  private Target target(String url) {
    String u = rewrite.apply(url);
    if (u.equals(".") || u.startsWith("./")) {
      FileRange entry = container.resolveInternal(u);
      if (entry != null) {
        policy.checkInsideFolder(u, entry.path());
        return new Target(url, u, entry, null);
      }
      if (u.equals(".")) {
        // A container with no ranges of its own (a .lindi.json): "." is still the lindi file.
        Path self = policy.lindiLocation();
        policy.checkInsideFolder(u, self);
        return new Target(url, u, null, self);
      }
    }
    return new Target(url, u, null, resolvePath(u));
  }

  /** The last url resolved and its target (immutable, so that threads may share it). */
  private static final class Target {
    final String url;
    final String rewritten;
    final FileRange entry;
    final Path path;

    Target(String url, String rewritten, FileRange entry, Path path) {
      this.url = url;
      this.rewritten = rewritten;
      this.entry = entry;
      this.path = path;
    }
  }

  /** Where a (rewritten) url outside the container lives, checked against the policy. */
  private Path resolvePath(String url) {
    Path cached = externalTargets.get(url);
    if (cached != null) {
      return cached;
    }
    Path target;
    try {
      // Path(folder, url): a url with a scheme stays as is, "/x" lands on the folder's
      // filesystem, "x" and "../x" resolve against the folder (".." normalised away).
      target = SCHEME.matcher(url).find() ? new Path(url) : new Path(policy.folder(), url);
    } catch (IllegalArgumentException e) {
      throw new LindiFormatException("a chunk ref url is not a valid path or url: " + e.getMessage(),
          context(url, -1, -1), e);
    }
    policy.check(url, target);
    if (externalTargets.size() >= MAX_CACHED_URLS) {
      externalTargets.clear();
    }
    externalTargets.put(url, target);
    return target;
  }

  /** {@code [offset, offset + length)} of the container entry {@code entry} of {@code url}. */
  private FileRange inside(String url, FileRange entry, long offset, long length) {
    long entryLength = entry.length();
    if (entryLength < 0) {
      // Entry size unknown (a whole file): the range reader checks it against the file size.
      return new FileRange(entry.path(), entry.offset() + offset, length);
    }
    if (offset > entryLength || (length >= 0 && length > entryLength - offset)) {
      String end = length >= 0 ? String.valueOf(offset + length) : "EOF";
      throw new RefOutOfBoundsException("ref out of bounds: bytes [" + offset + ", " + end
          + ") do not fit in " + url + ", which holds " + entryLength + " bytes",
          context(url, offset, length));
    }
    long len = length >= 0 ? length : entryLength - offset;
    return new FileRange(entry.path(), entry.offset() + offset, len);
  }

  private ErrorContext context(String url, long offset, long length) {
    return ErrorContext.ofFile(policy.lindiLocation().toString()).withRange(url, offset, length);
  }

  /**
   * The location with scheme and authority. A location that already has them is used as is, so
   * that resolving does not need the filesystem's classes (s3a, gs...) on the classpath.
   */
  static Path qualify(Path location, Configuration conf) {
    URI u = location.toUri();
    boolean complete = u.getScheme() != null && location.isAbsolute()
        && (u.getAuthority() != null || "file".equalsIgnoreCase(u.getScheme()));
    if (complete) {
      return location;
    }
    try {
      return location.getFileSystem(conf).makeQualified(location);
    } catch (IOException e) {
      throw new ChunkFetchException("cannot open the filesystem of the lindi file: " + e,
          ErrorContext.ofFile(location.toString()), e);
    }
  }

  @Override
  public String toString() {
    return "UrlResolver[" + policy + ", " + rewrite + "]";
  }
}
