package org.lindi.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ReferenceFileSystem;

/**
 * The groups, arrays and soft links of a LINDI file, found from the RFS metadata keys
 * ({@code .zgroup}, {@code .zarray}, {@code .zattrs}); parents of any node are groups even without a
 * {@code .zgroup}. Immutable.
 */
public final class NodeTree {
  private final NavigableMap<String, NodeInfo> nodes;

  private NodeTree(NavigableMap<String, NodeInfo> nodes) {
    this.nodes = nodes;
  }

  /** Discovers the hierarchy of {@code rfs}; {@code file} names the file in errors. */
  public static NodeTree of(ReferenceFileSystem rfs, String file) {
    TreeMap<String, NodeKind> kinds = new TreeMap<>();
    kinds.put("", NodeKind.GROUP);
    for (String key : rfs.metadataKeys()) {
      int slash = key.lastIndexOf('/');
      String path = slash < 0 ? "" : key.substring(0, slash);
      String leaf = key.substring(slash + 1);
      if (leaf.equals(".zarray")) {
        kinds.put(path, NodeKind.ARRAY);
      } else if (leaf.equals(".zgroup") || leaf.equals(".zattrs")) {
        kinds.putIfAbsent(path, NodeKind.GROUP);
      } else {
        continue;
      }
      for (String p = parent(path); p != null; p = parent(p)) {
        if (kinds.get(p) == NodeKind.ARRAY) {
          throw new LindiFormatException("array /" + p + " has a child /" + path,
              ErrorContext.ofFile(file).withKey(key));
        }
        kinds.putIfAbsent(p, NodeKind.GROUP);
      }
    }
    TreeMap<String, NodeInfo> nodes = new TreeMap<>();
    for (Map.Entry<String, NodeKind> e : kinds.entrySet()) {
      String path = e.getKey();
      String attrsKey = path.isEmpty() ? ".zattrs" : path + "/.zattrs";
      JsonNode attrs;
      try {
        attrs = rfs.json(attrsKey);
      } catch (LindiException ex) {
        throw ex.addContext(ErrorContext.ofFile(file).withKey(attrsKey));
      }
      if (attrs != null && !attrs.isObject()) {
        throw new LindiFormatException(".zattrs is not a JSON object", ErrorContext.ofFile(file).withKey(attrsKey));
      }
      NodeKind kind = e.getValue();
      String target = null;
      JsonNode link = attrs == null ? null : attrs.get(ReservedAttributes.SOFT_LINK);
      if (kind == NodeKind.GROUP && link != null) {
        if (!link.isObject() || !link.hasNonNull("path")) {
          throw new LindiFormatException("_SOFT_LINK needs a path: " + link,
              ErrorContext.ofFile(file).withKey(attrsKey));
        }
        kind = NodeKind.LINK;
        target = link.get("path").asText();
      }
      nodes.put(path, new NodeInfo(path, kind, attrs, target));
    }
    return new NodeTree(Collections.unmodifiableNavigableMap(nodes));
  }

  private static String parent(String path) {
    if (path.isEmpty()) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Removes a leading and trailing {@code /}: {@code "/a/b/"} becomes {@code "a/b"}. */
  public static String normalize(String path) {
    String p = path == null ? "" : path.trim();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** The node at {@code path} (leading {@code /} optional), or null. */
  public NodeInfo node(String path) {
    return nodes.get(normalize(path));
  }

  /** Every node, sorted by path; the root first. */
  public List<NodeInfo> nodes() {
    return new ArrayList<>(nodes.values());
  }

  /** The direct children of the group at {@code path}, sorted by name. */
  public List<NodeInfo> children(String path) {
    String p = normalize(path);
    List<NodeInfo> out = new ArrayList<>();
    String prefix = p.isEmpty() ? "" : p + "/";
    for (NodeInfo n : nodes.tailMap(prefix, true).values()) {
      if (!n.path().startsWith(prefix)) {
        break;
      }
      if (!n.path().isEmpty() && n.path().length() > prefix.length()
          && n.path().indexOf('/', prefix.length()) < 0) {
        out.add(n);
      }
    }
    return out;
  }

  /** Follows soft links from {@code path} (at most 32 hops); returns the final node or null. */
  public NodeInfo resolve(String path) {
    NodeInfo n = node(path);
    for (int hops = 0; n != null && n.kind() == NodeKind.LINK; hops++) {
      if (hops >= 32) {
        throw new LindiFormatException("soft link cycle at /" + normalize(path));
      }
      n = node(n.linkTarget());
    }
    return n;
  }

  public int size() {
    return nodes.size();
  }
}
