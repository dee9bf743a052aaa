package org.lindi.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One node of the hierarchy as the RFS describes it: path (no leading {@code /}, {@code ""} for the
 * root), kind, raw {@code .zattrs} (reserved attributes included), and for a link its target.
 */
public final class NodeInfo {
  private final String path;
  private final NodeKind kind;
  private final JsonNode rawAttributes;
  private final String linkTarget;

  public NodeInfo(String path, NodeKind kind, JsonNode rawAttributes, String linkTarget) {
    this.path = Objects.requireNonNull(path);
    this.kind = Objects.requireNonNull(kind);
    this.rawAttributes = rawAttributes == null ? JsonNodeFactory.instance.objectNode() : rawAttributes;
    this.linkTarget = linkTarget;
  }

  public String path() {
    return path;
  }

  /** The last path segment ({@code ""} for the root). */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The parent's path; null for the root. */
  public String parentPath() {
    if (path.isEmpty()) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  public NodeKind kind() {
    return kind;
  }

  /** {@code .zattrs} as stored, reserved attributes included. */
  public JsonNode rawAttributes() {
    return rawAttributes;
  }

  /** Absolute target path of a soft link, e.g. {@code /acquisition/ephys}; null otherwise. */
  public String linkTarget() {
    return linkTarget;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NodeInfo)) {
      return false;
    }
    NodeInfo n = (NodeInfo) o;
    return path.equals(n.path) && kind == n.kind && rawAttributes.equals(n.rawAttributes)
        && Objects.equals(linkTarget, n.linkTarget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, kind);
  }

  @Override
  public String toString() {
    return kind.catalogName() + " /" + path + (linkTarget != null ? " -> " + linkTarget : "");
  }
}
