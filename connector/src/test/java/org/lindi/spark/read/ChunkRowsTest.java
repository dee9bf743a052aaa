package org.lindi.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rows of chunks of a partition read the same whether they are kept as a range or as a list, and
 * a partition of rows that follow each other carries only the range.
 */
@Timeout(10)
class ChunkRowsTest {
  private static final long[] ALL = {3, 4, 5, 6, 9, 10, 20};

  private static List<Long> values(ChunkRows r) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < r.count(); i++) {
      out.add(r.get(i));
    }
    return out;
  }

  private static List<String> runs(ChunkRows r) {
    List<String> out = new ArrayList<>();
    r.forEachRun((from, to) -> out.add(from + ".." + to));
    return out;
  }

  @Test
  void rowsThatFollowEachOtherAreARange() throws IOException, ClassNotFoundException {
    ChunkRows r = ChunkRows.of(ALL, 0, 4);
    assertEquals(List.of(3L, 4L, 5L, 6L), values(r));
    assertEquals(List.of("3..7"), runs(r));
    assertEquals(r, roundTrip(r));
    // a range serialises to a fixed size, however many rows it holds
    assertEquals(serialized(ChunkRows.of(new long[] {0, 1}, 0, 2)).length,
        serialized(ChunkRows.of(rangeOf(100_000), 0, 100_000)).length);
  }

  @Test
  void rowsWithGapsKeepTheirList() throws IOException, ClassNotFoundException {
    ChunkRows r = ChunkRows.of(ALL, 2, 7);
    assertEquals(List.of(5L, 6L, 9L, 10L, 20L), values(r));
    assertEquals(List.of("5..7", "9..11", "20..21"), runs(r));
    assertEquals(r, roundTrip(r));
    assertEquals(ChunkRows.of(new long[] {5, 6, 9, 10, 20}), r);
  }

  @Test
  void equalityIsByTheRowsNotTheirForm() {
    assertEquals(ChunkRows.of(new long[] {7, 8, 9}), ChunkRows.of(new long[] {1, 7, 8, 9, 12}, 1, 4));
    assertEquals(ChunkRows.of(new long[] {7, 8, 9}).hashCode(), ChunkRows.of(new long[] {1, 7, 8, 9, 12}, 1, 4).hashCode());
    assertNotEquals(ChunkRows.of(new long[] {7, 8, 9}), ChunkRows.of(new long[] {7, 8, 10}));
    assertEquals(0, ChunkRows.of(ALL, 3, 3).count());
    assertEquals(List.of(), runs(ChunkRows.of(ALL, 3, 3)));
  }

  private static long[] rangeOf(int n) {
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      rows[i] = 1000 + i;
    }
    return rows;
  }

  private static byte[] serialized(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static ChunkRows roundTrip(ChunkRows r) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized(r)))) {
      return (ChunkRows) in.readObject();
    }
  }
}
