package org.lindi.spark.cli;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The first and last {@link HighPassScan#REACH} rows (all channels) of one row of chunks of a
 * recording: what the driver needs to scan the positions near each chunk boundary exactly, since
 * they depend on samples of both chunks. Immutable.
 */
final class ChunkEdges implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long start;
  private final int rows;
  private final short[] head;
  private final short[] tail;

  private ChunkEdges(long start, int rows, short[] head, short[] tail) {
    this.start = start;
    this.rows = rows;
    this.head = head;
    this.tail = tail;
  }

  /** The edges of {@code rows} rows starting at {@code start}, held in {@code block}. */
  static ChunkEdges of(long start, int rows, int channels, short[] block) {
    int n = Math.min(rows, HighPassScan.REACH);
    return new ChunkEdges(start, rows, Arrays.copyOfRange(block, 0, n * channels),
        Arrays.copyOfRange(block, (rows - n) * channels, rows * channels));
  }

  long start() {
    return start;
  }

  long end() {
    return start + rows;
  }

  int rows() {
    return rows;
  }

  /** Rows {@code [start, start + min(rows, REACH))}. */
  short[] head() {
    return head.clone();
  }

  /** Rows {@code [end - min(rows, REACH), end)}. */
  short[] tail() {
    return tail.clone();
  }

  int edgeRows(int channels) {
    return head.length / channels;
  }
}
