package org.lindi.container;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.rfs.ReferenceFileSystem;

/** A plain {@code .lindi.json} RFS document; its chunks all live in other files. */
public final class JsonContainer implements LindiContainer {
  private final ContainerFile file;
  private final ReferenceFileSystem rfs;

  private JsonContainer(ContainerFile file, ReferenceFileSystem rfs) {
    this.file = file;
    this.rfs = rfs;
  }

  /** Parses the whole file as an RFS document. */
  public static JsonContainer open(FileSystem fs, Path path) throws IOException {
    try (ContainerFile file = ContainerFile.open(fs, path)) {
      return new JsonContainer(file, file.parseRfs(0, file.length(), path.toString()));
    }
  }

  @Override
  public ContainerFormat format() {
    return ContainerFormat.JSON;
  }

  @Override
  public Path location() {
    return file.path();
  }

  @Override
  public FileSystem fileSystem() {
    return file.fs();
  }

  @Override
  public ReferenceFileSystem rfs() {
    return rfs;
  }

  /** {@code .} is this file (whole); {@code ./x} is an ordinary relative path, not internal. */
  @Override
  public FileRange resolveInternal(String url) {
    return InternalUrl.isSelf(url) ? FileRange.wholeFile(file.path()) : null;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "JsonContainer[" + file + "]";
  }
}
