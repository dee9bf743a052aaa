package org.lindi.container;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;

/** The four LINDI containers (SPEC section 2), recognised by content, never by name. */
public enum ContainerFormat {
  /** Single-file binary: a 1024-byte JSON header padded with NULs, then the RFS and chunks. */
  LINDI1,
  /** A plain {@code .lindi.json} RFS document. */
  JSON,
  /** A {@code .lindi.tar} POSIX ustar archive written by LINDI's Python package. */
  TAR,
  /** A {@code .lindi.d} directory holding {@code lindi.json} and {@code blobs/}. */
  DIR;

  /** Bytes examined to tell the file containers apart. */
  static final int HEAD_SIZE = 1024;

  private static final Pattern LINDI1_FORMAT = Pattern.compile("\"format\"\\s*:\\s*\"lindi1\"");

  /**
   * The container of the file or directory at {@code p}.
   *
   * @throws LindiFormatException naming the file when it is none of the four
   */
  public static ContainerFormat detect(FileSystem fs, Path p) throws IOException {
    FileStatus status = fs.getFileStatus(p);
    if (status.isDirectory()) {
      Path rfs = new Path(p, DirContainer.RFS_NAME);
      try {
        if (fs.getFileStatus(rfs).isFile()) {
          return DIR;
        }
      } catch (FileNotFoundException e) {
        // Reported below.
      }
      throw new LindiFormatException("not a LINDI container: a directory without "
          + DirContainer.RFS_NAME, ErrorContext.ofFile(p.toString()));
    }
    try (ContainerFile file = ContainerFile.open(fs, p)) {
      int n = (int) Math.min(HEAD_SIZE, file.length());
      return detect(n == 0 ? new byte[0] : file.read(0, n, "first bytes"), p.toString());
    }
  }

  /** The container whose first bytes (up to 1024) are {@code head}. */
  static ContainerFormat detect(byte[] head, String file) {
    if (isUstar(head)) {
      return TAR;
    }
    int first = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf) {
      first = 3;
    }
    while (first < head.length && isBlank(head[first])) {
      first++;
    }
    if (first < head.length && head[first] == '{') {
      int nul = indexOfNul(head);
      if (nul < 0) {
        return JSON;
      }
      if (LINDI1_FORMAT.matcher(new String(head, 0, nul, StandardCharsets.UTF_8)).find()) {
        return LINDI1;
      }
      throw new LindiFormatException("not a LINDI container: a JSON header followed by NUL bytes,"
          + " but its \"format\" is not \"lindi1\"", ErrorContext.ofFile(file));
    }
    throw new LindiFormatException("not a LINDI container: " + (head.length == 0 ? "empty file"
        : "neither a lindi1 header, a JSON document nor a ustar archive"),
        ErrorContext.ofFile(file));
  }

  /** Bytes 257..262 are {@code ustar\0} (POSIX), or {@code ustar } (GNU tar). */
  static boolean isUstar(byte[] head) {
    if (head.length < 263) {
      return false;
    }
    for (int i = 0; i < 5; i++) {
      if (head[257 + i] != "ustar".charAt(i)) {
        return false;
      }
    }
    return head[262] == 0 || head[262] == ' ';
  }

  private static int indexOfNul(byte[] head) {
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** Opens the container at {@code p}, which must be of this format. */
  public LindiContainer open(FileSystem fs, Path p) throws IOException {
    switch (this) {
      case LINDI1:
        return Lindi1Container.open(fs, p);
      case JSON:
        return JsonContainer.open(fs, p);
      case TAR:
        return TarContainer.open(fs, p);
      case DIR:
        return DirContainer.open(fs, p);
      default:
        throw new AssertionError(this);
    }
  }
}
