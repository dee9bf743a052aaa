package org.lindi.container;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.error.ChunkFetchException;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ReferenceFileSystem;

/**
 * A {@code .lindi.d} directory: {@code lindi.json} and {@code blobs/}; ref {@code ./x} is the file
 * {@code x} of the directory.
 */
public final class DirContainer implements LindiContainer {
  /** The RFS document inside the directory. */
  static final String RFS_NAME = "lindi.json";

  private final FileSystem fs;
  private final Path dir;
  private final ReferenceFileSystem rfs;
  /** Entry ranges already looked up: one status call per blob, not per chunk read. */
  private final Map<String, FileRange> resolved = new ConcurrentHashMap<>();

  private DirContainer(FileSystem fs, Path dir, ReferenceFileSystem rfs) {
    this.fs = fs;
    this.dir = dir;
    this.rfs = rfs;
  }

  /** Parses {@code lindi.json} of the directory. */
  public static DirContainer open(FileSystem fs, Path dir) throws IOException {
    Path rfsPath = new Path(dir, RFS_NAME);
    try (ContainerFile file = ContainerFile.open(fs, rfsPath)) {
      return new DirContainer(fs, dir, file.parseRfs(0, file.length(), rfsPath.toString()));
    } catch (FileNotFoundException e) {
      throw new LindiFormatException("a .lindi.d directory without " + RFS_NAME,
          ErrorContext.ofFile(dir.toString()), e);
    }
  }

  @Override
  public ContainerFormat format() {
    return ContainerFormat.DIR;
  }

  @Override
  public Path location() {
    return dir;
  }

  @Override
  public FileSystem fileSystem() {
    return fs;
  }

  @Override
  public ReferenceFileSystem rfs() {
    return rfs;
  }

  /** {@code ./x} is the whole file {@code x} under the directory; {@code .} has no bytes here. */
  @Override
  public FileRange resolveInternal(String url) {
    if (InternalUrl.isSelf(url)) {
      throw new LindiFormatException("'.' names the .lindi.d directory itself, which has no bytes",
          ErrorContext.ofFile(dir.toString()).withRange(url, -1, -1));
    }
    String name = InternalUrl.entryName(url, dir.toString());
    if (name == null) {
      return null;
    }
    FileRange range = resolved.get(name);
    if (range == null) {
      range = lookUp(url, name);
      resolved.put(name, range);
    }
    return range;
  }

  private FileRange lookUp(String url, String name) {
    Path entry = new Path(dir, name);
    FileStatus status;
    try {
      status = fs.getFileStatus(entry);
    } catch (FileNotFoundException e) {
      throw new LindiFormatException("no file '" + name + "' in the .lindi.d directory",
          ErrorContext.ofFile(dir.toString()).withRange(url, -1, -1), e);
    } catch (IOException e) {
      throw new ChunkFetchException("could not look up '" + name + "' in the .lindi.d directory",
          ErrorContext.ofFile(dir.toString()).withRange(url, -1, -1), e);
    }
    if (!status.isFile()) {
      throw new LindiFormatException("'" + name + "' in the .lindi.d directory is not a file",
          ErrorContext.ofFile(dir.toString()).withRange(url, -1, -1));
    }
    return new FileRange(entry, 0, status.getLen());
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "DirContainer[" + dir + "]";
  }
}
