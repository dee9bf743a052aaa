package org.lindi.spark;

import java.util.Locale;

/** How an array becomes rows (option {@code layout}). */
public enum Layout {
  /** One row per position along axis 0 (the default). */
  ROWS,
  /** One row per chunk. */
  CHUNKS;

  /** Parses the option value; {@code table} is recognised and refused until it is implemented. */
  public static Layout parse(String value) {
    String v = value == null ? "rows" : value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "rows":
        return ROWS;
      case "chunks":
        return CHUNKS;
      case "table":
        throw new UnsupportedOperationException(
            "layout 'table' (NWB DynamicTable) is not supported yet; use layout 'rows' or 'chunks'");
      default:
        throw new IllegalArgumentException("unknown layout '" + value + "': use rows or chunks");
    }
  }

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
