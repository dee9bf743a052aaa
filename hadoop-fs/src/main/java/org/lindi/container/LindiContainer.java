package org.lindi.container;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ReferenceFileSystem;

/**
 * An opened lindi file: its container, its reference file system, and where container-internal
 * urls ({@code .} and {@code ./x}) point. Holds no open streams.
 */
public interface LindiContainer extends Closeable {

  ContainerFormat format();

  /** The lindi file, or the {@code .lindi.d} directory (fully qualified). */
  Path location();

  /** The file system {@link #location()} is on. */
  FileSystem fileSystem();

  /** The reference file system, as read at open. */
  ReferenceFileSystem rfs();

  /**
   * Where a container-internal url points: {@code .} is the file itself (the whole file);
   * {@code ./x} is tar entry {@code x} or file {@code x} of the directory (its data range).
   * Returns null for urls that are not internal to this container (they resolve against the
   * folder holding the lindi file, or are absolute).
   *
   * @throws LindiFormatException naming the url when {@code ./x} does not exist
   * @throws org.lindi.error.LocationNotAllowedException when {@code ./x} leaves the container
   */
  FileRange resolveInternal(String url);

  /** Nothing to release: containers keep no streams open. */
  @Override
  void close();

  /** Detects the container of {@code path} by content and opens it. */
  static LindiContainer open(Path path, Configuration conf) throws IOException {
    return open(path.getFileSystem(conf), path);
  }

  /** Detects the container of {@code path} on {@code fs} by content and opens it. */
  static LindiContainer open(FileSystem fs, Path path) throws IOException {
    // Through a String, so a directory given as "x.lindi.d/" loses its trailing slash.
    Path qualified = new Path(fs.makeQualified(path).toString());
    return ContainerFormat.detect(fs, qualified).open(fs, qualified);
  }
}
