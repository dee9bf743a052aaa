package org.lindi.spark;

import java.util.Locale;

/** How an array becomes rows (option {@code layout}). */
public enum Layout {
  /** One row per position along axis 0 (the default). */
  ROWS,
  /** One row per chunk. */
  CHUNKS,
  /** One row per {@code id} of an NWB DynamicTable group. */
  TABLE;

  /** Parses the option value ({@code rows}, {@code chunks} or {@code table}, any case). */
  public static Layout parse(String value) {
    String v = value == null ? "rows" : value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "rows":
        return ROWS;
      case "chunks":
        return CHUNKS;
      case "table":
        return TABLE;
      default:
        throw new IllegalArgumentException("unknown layout '" + value + "': use rows, chunks or table");
    }
  }

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
