package org.lindi.hdf5;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;

/**
 * A pure-Java reader of the metadata of an HDF5 file: finds datasets by path and lists where their
 * chunks are, reading only the metadata blocks through positioned range reads of a
 * {@link ByteSource}. Supports superblocks 0 to 3, object headers 1 and 2, old- and new-style
 * groups (including dense link storage), soft links, and every chunk index of data layouts 3 and 4.
 * Not thread safe: use one instance per thread, or synchronize.
 */
public final class Hdf5File {
  /** Default size of the aligned blocks read from the source. */
  public static final int DEFAULT_BLOCK_SIZE = 16 * 1024;
  private static final int CACHED_BLOCKS = 64;
  private static final int MAX_SOFT_LINKS = 16;

  private final MetadataReader file;
  private final Superblock superblock;

  private Hdf5File(MetadataReader file, Superblock superblock) {
    this.file = file;
    this.superblock = superblock;
  }

  /** Opens the HDF5 file behind {@code source}; {@code displayName} names it in errors. */
  public static Hdf5File open(ByteSource source, String displayName) {
    return open(source, displayName, DEFAULT_BLOCK_SIZE);
  }

  /** Like {@link #open(ByteSource, String)}, reading blocks of {@code blockSize} bytes. */
  public static Hdf5File open(ByteSource source, String displayName, int blockSize) {
    if (blockSize < 512) {
      throw new IllegalArgumentException("block size " + blockSize + " is below 512 bytes");
    }
    BlockCache cache = new BlockCache(source, blockSize, CACHED_BLOCKS);
    MetadataReader raw = new MetadataReader(cache, displayName, 8, 8, 0);
    try {
      Superblock sb = Superblock.find(raw);
      return new Hdf5File(raw.withLayout(sb.sizeOfOffsets, sb.sizeOfLengths, sb.baseAddress), sb);
    } catch (LindiException e) {
      throw (LindiException) e.addContext(ErrorContext.ofFile(displayName));
    }
  }

  public String displayName() {
    return file.displayName();
  }

  /** The superblock version (0 to 3). */
  public int superblockVersion() {
    return superblock.version;
  }

  /**
   * The dataset at {@code path} (e.g. {@code "acquisition/ElectricalSeries/data"}; a leading
   * {@code /} is optional), with its chunk list read from the chunk index.
   *
   * @throws LindiFormatException when the path does not exist, is not a dataset, or the file is
   *     corrupt
   */
  public Hdf5Dataset dataset(String path) {
    String clean = normalize(path);
    try {
      ObjectHeader header = ObjectHeader.read(file, resolve(clean));
      return DatasetReader.read(file, clean, header);
    } catch (LindiException e) {
      throw (LindiException) e.addContext(ErrorContext.ofFile(file.displayName()).withArray(clean));
    }
  }

  /** Names of the links in the group at {@code path} ({@code ""} or {@code "/"} is the root), sorted. */
  public List<String> members(String path) {
    String clean = normalize(path);
    try {
      ObjectHeader header = ObjectHeader.read(file, resolve(clean));
      if (!GroupLinks.isGroup(header)) {
        throw file.corrupt("/" + clean + " is not a group", header.address);
      }
      List<String> names = new ArrayList<>();
      for (Link link : GroupLinks.read(file, header)) {
        names.add(link.name);
      }
      Collections.sort(names);
      return Collections.unmodifiableList(names);
    } catch (LindiException e) {
      throw (LindiException) e.addContext(ErrorContext.ofFile(file.displayName()).withArray(clean));
    }
  }

  /** Object header address of the object at {@code path}, following soft links. */
  private long resolve(String path) {
    int[] hops = {0};
    return walk(superblock.rootObjectHeader, "", split(path), hops);
  }

  private long walk(long start, String startPath, List<String> parts, int[] hops) {
    long current = start;
    String currentPath = startPath;
    for (String name : parts) {
      ObjectHeader header = ObjectHeader.read(file, current);
      if (!GroupLinks.isGroup(header)) {
        throw file.corrupt("/" + currentPath + " is not a group, so it has no member '" + name + "'",
            current);
      }
      Link link = find(GroupLinks.read(file, header), name);
      String linkPath = currentPath.isEmpty() ? name : currentPath + "/" + name;
      if (link == null) {
        throw file.corrupt("no object /" + linkPath + " in the file", -1);
      }
      switch (link.kind) {
        case HARD:
          current = link.address;
          break;
        case SOFT: {
          if (++hops[0] > MAX_SOFT_LINKS) {
            throw file.corrupt("more than " + MAX_SOFT_LINKS + " soft links followed from /"
                + linkPath + " (a cycle?)", -1);
          }
          boolean absolute = link.target.startsWith("/");
          String base = absolute ? "" : currentPath;
          try {
            current = walk(absolute ? superblock.rootObjectHeader : current, base,
                split(link.target), hops);
          } catch (LindiFormatException e) {
            throw new LindiFormatException("soft link /" + linkPath + " -> " + link.target + ": "
                + e.reason(), e.context(), e);
          }
          break;
        }
        default:
          throw file.unsupported("/" + linkPath + " is an " + link.kind.name().toLowerCase()
              + " link (" + link.target + "), which this reader does not follow");
      }
      currentPath = linkPath;
    }
    return current;
  }

  private static Link find(List<Link> links, String name) {
    for (Link l : links) {
      if (l.name.equals(name)) {
        return l;
      }
    }
    return null;
  }

  private static String normalize(String path) {
    return String.join("/", split(path));
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (!p.isEmpty() && !p.equals(".")) {
        parts.add(p);
      }
    }
    return parts;
  }

  @Override
  public String toString() {
    return "Hdf5File[" + file.displayName() + ", superblock " + superblock.version + "]";
  }
}
