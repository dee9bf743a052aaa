package org.lindi.io;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.lindi.error.ErrorContext;
import org.lindi.error.LocationNotAllowedException;

/**
 * SPEC section 8: where the refs of one lindi file may point. Allowed are the folder holding the
 * lindi file (or its {@code .lindi.d} directory) and everything below it, http(s)/s3a/gs/abfs/
 * abfss/hdfs locations, and the user's {@code allowedLocations} prefixes. A lindi file read from a
 * remote location (any scheme but {@code file}) may not point at local files at all, whatever the
 * option says, because its author does not control the machine that reads it.
 */
public final class LocationPolicy {
  /** Schemes a ref may always use: shared storage, never the reading machine's own disk. */
  public static final Set<String> REMOTE_SCHEMES =
      Set.of("http", "https", "s3a", "gs", "abfs", "abfss", "hdfs");

  private static final String LOCAL_SCHEME = "file";

  private final Path lindiLocation;
  private final Path folder;
  private final boolean remoteLindiFile;
  private final List<Path> allowed;

  /**
   * @param lindiLocation the lindi file or {@code .lindi.d} directory, fully qualified
   *     (scheme and authority, absolute path)
   * @param allowedLocations url prefixes refs may also point to; a prefix without a scheme is on
   *     the lindi file's filesystem (relative ones below its folder)
   */
  public LocationPolicy(Path lindiLocation, List<String> allowedLocations) {
    URI u = lindiLocation.toUri();
    if (u.getScheme() == null || !lindiLocation.isAbsolute()) {
      throw new IllegalArgumentException("lindi location must be qualified: " + lindiLocation);
    }
    this.lindiLocation = lindiLocation;
    this.folder = lindiLocation.getParent() == null ? lindiLocation : lindiLocation.getParent();
    this.remoteLindiFile = !isLocal(lindiLocation);
    List<Path> prefixes = new ArrayList<>();
    for (String a : allowedLocations) {
      if (a != null && !a.isBlank()) {
        prefixes.add(new Path(folder, a.trim()));
      }
    }
    this.allowed = Collections.unmodifiableList(prefixes);
  }

  /** Splits the {@code allowedLocations} option at {@code ,}; null or blank gives no prefixes. */
  public static List<String> parseAllowedLocations(String option) {
    if (option == null || option.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : option.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /** The folder holding the lindi file: relative refs resolve against it. */
  public Path folder() {
    return folder;
  }

  public Path lindiLocation() {
    return lindiLocation;
  }

  public List<Path> allowedLocations() {
    return allowed;
  }

  /** True when a ref may read {@code target} (a qualified path). */
  public boolean allows(Path target) {
    return refusal(target) == null;
  }

  /**
   * Refuses a ref whose target is not allowed.
   *
   * @param url the ref url as written (named in the error)
   * @param target where it resolved to, qualified
   * @throws LocationNotAllowedException naming the url, the lindi file and how to allow it
   */
  public void check(String url, Path target) {
    String why = refusal(target);
    if (why != null) {
      throw new LocationNotAllowedException(
          "ref resolves to " + target + ", which is not allowed: " + why,
          ErrorContext.ofFile(lindiLocation.toString()).withRange(url, -1, -1));
    }
  }

  /**
   * The cheap check for ranges the container itself resolved ({@code .}, {@code ./x}): only that
   * they lie below the folder, without touching the filesystem, as it runs once per chunk.
   */
  void checkInsideFolder(String url, Path target) {
    if (!within(target, folder)) {
      throw new LocationNotAllowedException("the container resolved the ref to " + target
          + ", outside the folder " + folder + " that holds the lindi file",
          ErrorContext.ofFile(lindiLocation.toString()).withRange(url, -1, -1));
    }
  }

  /** Why {@code target} is refused, or null when it is allowed. */
  private String refusal(Path target) {
    if (isLocal(target)) {
      if (remoteLindiFile) {
        return "a lindi file read from " + lindiLocation.toUri().getScheme()
            + ": may not point at local files (not even through allowedLocations); copy the"
            + " lindi file to the local filesystem, or use urlRewrite to point the ref at shared"
            + " storage";
      }
      if (matchesAllowed(target) || (within(target, folder) && realPathWithinFolder(target))) {
        return null;
      }
      return "it is a local file outside " + folder + ", the folder that holds the lindi file;"
          + " to allow it, add a prefix of it to the allowedLocations option, e.g."
          + " allowedLocations=" + suggestion(target);
    }
    if (within(target, folder) || matchesAllowed(target)) {
      return null;
    }
    String scheme = target.toUri().getScheme().toLowerCase(Locale.ROOT);
    if (REMOTE_SCHEMES.contains(scheme)) {
      return null;
    }
    return "scheme '" + scheme + ":' is not one of " + String.join(", ", sortedRemoteSchemes())
        + "; to allow it, add a prefix of it to the allowedLocations option, e.g."
        + " allowedLocations=" + suggestion(target);
  }

  private boolean matchesAllowed(Path target) {
    for (Path p : allowed) {
      if (within(target, p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A symlink below the folder may lead anywhere; for local files that exist, the real path must
   * stay below the folder's real path too.
   */
  private boolean realPathWithinFolder(Path target) {
    java.nio.file.Path t = Paths.get(target.toUri().getPath());
    if (!Files.exists(t)) {
      return true; // nothing to read there: the reader reports the missing file
    }
    try {
      java.nio.file.Path realFolder = Paths.get(folder.toUri().getPath()).toRealPath();
      return t.toRealPath().startsWith(realFolder);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** True when {@code target} is {@code prefix} or below it (whole path segments only). */
  static boolean within(Path target, Path prefix) {
    URI t = target.toUri();
    URI p = prefix.toUri();
    if (!sameIgnoringCase(t.getScheme(), p.getScheme())
        || !sameIgnoringCase(t.getAuthority(), p.getAuthority())) {
      return false;
    }
    String tp = t.getPath() == null ? "" : t.getPath();
    String pp = p.getPath() == null ? "" : p.getPath();
    if (pp.isEmpty() || pp.equals("/")) {
      return true;
    }
    return tp.equals(pp) || tp.startsWith(pp.endsWith("/") ? pp : pp + "/");
  }

  private static boolean sameIgnoringCase(String a, String b) {
    String x = a == null ? "" : a;
    String y = b == null ? "" : b;
    return x.equalsIgnoreCase(y);
  }

  private static boolean isLocal(Path p) {
    String scheme = p.toUri().getScheme();
    return scheme == null || LOCAL_SCHEME.equalsIgnoreCase(scheme);
  }

  private static String suggestion(Path target) {
    Path parent = target.getParent();
    return (parent == null ? target : parent).toString();
  }

  private static List<String> sortedRemoteSchemes() {
    String[] s = REMOTE_SCHEMES.toArray(new String[0]);
    Arrays.sort(s);
    return Arrays.asList(s);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LocationPolicy)) {
      return false;
    }
    LocationPolicy l = (LocationPolicy) o;
    return lindiLocation.equals(l.lindiLocation) && allowed.equals(l.allowed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lindiLocation, allowed);
  }

  @Override
  public String toString() {
    return "LocationPolicy[lindi=" + lindiLocation + ", folder=" + folder + ", allowed=" + allowed
        + "]";
  }
}
