package org.lindi;

import org.lindi.tree.NodeInfo;

/** A soft link ({@code _SOFT_LINK}) to another group or array of the same file. */
public final class LindiLink extends LindiNode {
  LindiLink(LindiFile file, NodeInfo info) {
    super(file, info);
  }

  /** The absolute target path, e.g. {@code /acquisition/ephys/data}. */
  public String target() {
    return info.linkTarget();
  }

  /** The node the link points to (links followed), or null when the target does not exist. */
  public LindiNode resolve() {
    NodeInfo n = file.tree().resolve(path());
    return n == null ? null : file.wrap(n);
  }
}
