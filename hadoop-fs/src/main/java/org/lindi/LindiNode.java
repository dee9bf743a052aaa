package org.lindi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lindi.tree.NodeInfo;
import org.lindi.tree.NodeKind;
import org.lindi.tree.ReservedAttributes;

/** A group, array or soft link of an open {@link LindiFile}. */
public abstract class LindiNode {
  protected final LindiFile file;
  protected final NodeInfo info;

  LindiNode(LindiFile file, NodeInfo info) {
    this.file = file;
    this.info = info;
  }

  /** Path inside the file, without a leading {@code /}; {@code ""} for the root. */
  public String path() {
    return info.path();
  }

  /** The last segment of the path. */
  public String name() {
    return info.name();
  }

  public NodeKind kind() {
    return info.kind();
  }

  /** The user-visible attributes: reserved {@code _} attributes removed, references as paths. */
  public ObjectNode attributes() {
    return ReservedAttributes.visible(info.rawAttributes());
  }

  /** What the RFS describes about this node. */
  public NodeInfo info() {
    return info;
  }

  public LindiFile file() {
    return file;
  }

  @Override
  public String toString() {
    return info.toString();
  }
}
