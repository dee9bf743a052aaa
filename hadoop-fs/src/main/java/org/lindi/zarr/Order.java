package org.lindi.zarr;

/** Memory layout of the elements inside one chunk: C (row-major) or F (column-major). */
public enum Order {
  C, F
}
