package org.lindi.tree;

/** What a path of the hierarchy is: a group, an array, or a soft link (catalog names in brackets). */
public enum NodeKind {
  GROUP("group"), ARRAY("array"), LINK("link");

  private final String catalogName;

  NodeKind(String catalogName) {
    this.catalogName = catalogName;
  }

  /** The name used in the catalog's {@code kind} column. */
  public String catalogName() {
    return catalogName;
  }
}
