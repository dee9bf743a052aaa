package org.lindi;

import java.util.ArrayList;
import java.util.List;
import org.lindi.tree.NodeInfo;

/** A group of a LINDI file: a container of groups, arrays and links, with attributes. */
public final class LindiGroup extends LindiNode {
  LindiGroup(LindiFile file, NodeInfo info) {
    super(file, info);
  }

  /** The direct children, sorted by name (links are not followed). */
  public List<LindiNode> children() {
    List<LindiNode> out = new ArrayList<>();
    for (NodeInfo child : file.tree().children(path())) {
      out.add(file.wrap(child));
    }
    return out;
  }
}
