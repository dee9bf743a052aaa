package org.lindi.nwb;

/**
 * What one element of a DynamicTable column is, and so the Java value {@link DynamicTable#readColumn}
 * gives for it (a scalar per row; for ragged or multi-dimensional columns a primitive array per row).
 */
public enum ColumnKind {
  /** {@code |b1}: Boolean; rows of several elements are {@code boolean[]}. */
  BOOLEAN,
  /**
   * Signed or unsigned integers, DynamicTableRegion row indices too: Long (BigInteger for uint64
   * values above 2^63-1); {@code long[]} (uint64 as its two's complement bits).
   */
  INTEGER,
  /** {@code f2}/{@code f4}/{@code f8}: Double; {@code double[]} (float16/32 widened exactly). */
  FLOAT,
  /** {@code c8}/{@code c16}: {@code double[] {re, im}}; {@code Object[]}. */
  COMPLEX,
  /** {@code S}, {@code U} and {@code |O} strings: String; {@code Object[]}. */
  STRING,
  /** {@code M8}/{@code m8}: Long in the dtype's unit; {@code long[]}. */
  DATETIME,
  /** Object references: the target path as a String, e.g. {@code /general/devices/probe}; {@code Object[]}. */
  REFERENCE,
  /** Compound elements: {@code Object[]} of field values (references as target paths); {@code Object[]}. */
  COMPOUND
}
