package org.lindi;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.lindi.chunk.ChunkSource;
import org.lindi.container.LindiContainer;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.io.ChunkRangeReader;
import org.lindi.io.UrlResolver;
import org.lindi.io.UrlRewrite;
import org.lindi.rfs.ReferenceFileSystem;
import org.lindi.tree.NodeInfo;
import org.lindi.tree.NodeTree;

/**
 * An open LINDI file of any container (lindi1, {@code .lindi.json}, {@code .lindi.tar},
 * {@code .lindi.d}) on any Hadoop filesystem: its hierarchy of groups, arrays and links, and reads
 * of their chunks. Opening reads only the header and the RFS; chunks are fetched on demand.
 *
 * <pre>{@code
 * try (LindiFile f = LindiFile.open(new Path("hdfs:///data/session1.nwb.lindi"), new Configuration())) {
 *   LindiArray data = f.array("acquisition/ElectricalSeries/data");
 *   short[] first = data.read(new long[] {0, 0}, new long[] {30000, 64}).toShortArray();
 * }
 * }</pre>
 */
public final class LindiFile implements Closeable {
  private final LindiContainer container;
  private final LindiOptions options;
  private final NodeTree tree;
  private final ChunkSource chunkSource;

  private LindiFile(LindiContainer container, LindiOptions options, NodeTree tree, ChunkSource source) {
    this.container = container;
    this.options = options;
    this.tree = tree;
    this.chunkSource = source;
  }

  /** Opens {@code path} with default options. */
  public static LindiFile open(Path path, Configuration conf) throws IOException {
    return open(path, conf, LindiOptions.defaults());
  }

  /** Opens {@code path}, detecting its container by content. */
  public static LindiFile open(Path path, Configuration conf, LindiOptions options) throws IOException {
    LindiContainer container = LindiContainer.open(path, conf);
    try {
      NodeTree tree = NodeTree.of(container.rfs(), path.toString());
      UrlResolver resolver = new UrlResolver(container, conf, UrlRewrite.parse(options.urlRewrite()), options.allowedLocations());
      ChunkSource source = new ChunkSource(resolver, new ChunkRangeReader(conf));
      return new LindiFile(container, options, tree, source);
    } catch (RuntimeException e) {
      container.close();
      throw e;
    }
  }

  /** The file (or {@code .lindi.d} directory) as a string, for messages. */
  public String location() {
    return container.location().toString();
  }

  public LindiContainer container() {
    return container;
  }

  public ReferenceFileSystem rfs() {
    return container.rfs();
  }

  public LindiOptions options() {
    return options;
  }

  /** The hierarchy as the RFS describes it. */
  public NodeTree tree() {
    return tree;
  }

  /** Fetches chunk bytes for this file's refs (shared by its arrays). */
  public ChunkSource chunkSource() {
    return chunkSource;
  }

  public LindiGroup root() {
    return (LindiGroup) wrap(tree.node(""));
  }

  /** The node at {@code path} (leading {@code /} optional; links not followed), or null. */
  public LindiNode node(String path) {
    NodeInfo n = tree.node(path);
    return n == null ? null : wrap(n);
  }

  /** Every node, sorted by path, the root first. */
  public List<LindiNode> nodes() {
    List<LindiNode> out = new ArrayList<>();
    for (NodeInfo n : tree.nodes()) {
      out.add(wrap(n));
    }
    return out;
  }

  /** The array at {@code path}, following soft links; a {@link LindiFormatException} if none. */
  public LindiArray array(String path) {
    LindiNode n = resolved(path);
    if (!(n instanceof LindiArray)) {
      throw notFound(path, "an array", n);
    }
    return (LindiArray) n;
  }

  /** The group at {@code path}, following soft links. */
  public LindiGroup group(String path) {
    LindiNode n = resolved(path);
    if (!(n instanceof LindiGroup)) {
      throw notFound(path, "a group", n);
    }
    return (LindiGroup) n;
  }

  private LindiNode resolved(String path) {
    NodeInfo n = tree.resolve(path);
    return n == null ? null : wrap(n);
  }

  private LindiException notFound(String path, String what, LindiNode found) {
    String reason = found == null ? "no node /" + NodeTree.normalize(path)
        : "/" + NodeTree.normalize(path) + " is a " + found.kind().catalogName() + ", not " + what;
    return new LindiFormatException(reason, org.lindi.error.ErrorContext.ofFile(location()));
  }

  LindiNode wrap(NodeInfo n) {
    switch (n.kind()) {
      case ARRAY:
        return new LindiArray(this, n);
      case LINK:
        return new LindiLink(this, n);
      default:
        return new LindiGroup(this, n);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      chunkSource.close();
    } finally {
      container.close();
    }
  }

  @Override
  public String toString() {
    return "LindiFile[" + container.format() + " " + location() + "]";
  }
}
