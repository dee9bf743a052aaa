package org.lindi.container;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ReferenceFileSystem;

/**
 * A lindi1 single-file binary (SPEC 2.1): reads the 1024-byte header and the RFS region it points
 * to, nothing else. Refs {@code [".", offset, size]} address the file itself.
 */
public final class Lindi1Container implements LindiContainer {
  private final ContainerFile file;
  private final Lindi1Header header;
  private final ReferenceFileSystem rfs;

  private Lindi1Container(ContainerFile file, Lindi1Header header, ReferenceFileSystem rfs) {
    this.file = file;
    this.header = header;
    this.rfs = rfs;
  }

  /**
   * Opens a lindi1 file.
   *
   * @throws LindiFormatException naming the file: "invalid lindi1 header" when the header does not
   *     parse or is not lindi1, "truncated file" when a region it points to lies past the end
   */
  public static Lindi1Container open(FileSystem fs, Path path) throws IOException {
    try (ContainerFile file = ContainerFile.open(fs, path)) {
      return open(file);
    }
  }

  private static Lindi1Container open(ContainerFile file) throws IOException {
    Path path = file.path();
    if (file.length() < Lindi1Header.SIZE) {
      throw file.error("truncated file: " + file.length() + " bytes, shorter than the "
          + Lindi1Header.SIZE + "-byte lindi1 header");
    }
    Lindi1Header header =
        Lindi1Header.parse(file.read(0, Lindi1Header.SIZE, "lindi1 header"), path.toString());
    file.checkRange(header.rfsStart(), header.rfsSize(), "RFS region (rfs_start, rfs_size)");
    // The padding is written with the RFS; a file cut inside it lost its tail too.
    file.checkRange(header.rfsStart() + header.rfsSize(), header.rfsPadding(),
        "RFS padding (rfs_padding)");
    // The parser accepts the NUL bytes an early writer left inside [S, S+N).
    ReferenceFileSystem rfs = file.parseRfs(header.rfsStart(), header.rfsSize(), path.toString());
    return new Lindi1Container(file, header, rfs);
  }

  /** The header as read at open. */
  public Lindi1Header header() {
    return header;
  }

  @Override
  public ContainerFormat format() {
    return ContainerFormat.LINDI1;
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

  /** {@code .} is this file (whole); any other url is not internal. */
  @Override
  public FileRange resolveInternal(String url) {
    return InternalUrl.isSelf(url) ? FileRange.wholeFile(file.path()) : null;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "Lindi1Container[" + file + ", " + header + "]";
  }
}
