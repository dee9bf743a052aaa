package org.lindi.container;

import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ReferenceFileSystem;

/**
 * A {@code .lindi.tar} written by LINDI's Python package (SPEC 2.2): members found through LINDI's
 * index ({@code .tar_entry.json} then {@code .tar_index.json}) or, when that is missing or broken,
 * by scanning the ustar headers. Ref {@code ./x} is the data of member {@code x}; {@code .trash/}
 * members are dead.
 */
public final class TarContainer implements LindiContainer {
  private final ContainerFile file;
  private final Map<String, TarEntry> entries;
  private final boolean indexed;
  private final ReferenceFileSystem rfs;

  private TarContainer(ContainerFile file, Map<String, TarEntry> entries, boolean indexed,
      ReferenceFileSystem rfs) {
    this.file = file;
    this.entries = entries;
    this.indexed = indexed;
    this.rfs = rfs;
  }

  /**
   * Opens the tar and parses its {@code lindi.json}.
   *
   * @throws LindiFormatException naming the file when neither the index nor a header scan gives
   *     the members, or there is no {@code lindi.json}
   */
  public static TarContainer open(FileSystem fs, Path path) throws IOException {
    try (ContainerFile file = ContainerFile.open(fs, path)) {
      return open(file);
    }
  }

  private static TarContainer open(ContainerFile file) throws IOException {
    Path path = file.path();
    Map<String, TarEntry> entries;
    boolean indexed = true;
    try {
      entries = TarIndex.read(file);
    } catch (LindiFormatException indexProblem) {
      indexed = false;
      try {
        entries = UstarScan.scan(file);
      } catch (LindiFormatException scanProblem) {
        throw file.error("unreadable .lindi.tar: LINDI's tar index is unusable ("
            + indexProblem.reason() + "), and scanning the ustar headers failed too ("
            + scanProblem.reason() + ")", scanProblem);
      }
    }
    TarEntry rfsEntry = entries.get(DirContainer.RFS_NAME);
    if (rfsEntry == null) {
      throw file.error("the tar has no " + DirContainer.RFS_NAME + " entry");
    }
    ReferenceFileSystem rfs =
        file.parseRfs(rfsEntry.dataOffset(), rfsEntry.size(), path.toString());
    return new TarContainer(file, Map.copyOf(entries), indexed, rfs);
  }

  /** Whether the members came from LINDI's index (false: from scanning the tar headers). */
  public boolean usedIndex() {
    return indexed;
  }

  /** Number of live members. */
  public int entryCount() {
    return entries.size();
  }

  @Override
  public ContainerFormat format() {
    return ContainerFormat.TAR;
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

  /** {@code ./x} is the data of member {@code x}; {@code .} is the whole tar. */
  @Override
  public FileRange resolveInternal(String url) {
    if (InternalUrl.isSelf(url)) {
      return FileRange.wholeFile(file.path());
    }
    String name = InternalUrl.entryName(url, file.path().toString());
    if (name == null) {
      return null;
    }
    TarEntry e = entries.get(name);
    if (e == null) {
      throw new LindiFormatException("no live tar entry '" + name + "'",
          ErrorContext.ofFile(file.path().toString()).withRange(url, -1, -1));
    }
    return new FileRange(file.path(), e.dataOffset(), e.size());
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "TarContainer[" + file + ", " + entries.size() + " entries"
        + (indexed ? "" : ", index unusable: scanned") + "]";
  }
}
