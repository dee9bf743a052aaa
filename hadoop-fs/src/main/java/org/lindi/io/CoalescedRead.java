package org.lindi.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One read of {@code [offset, offset + length)} of a file that serves several requested ranges
 * (the members, by their position in the caller's request), because they lie close together.
 */
final class CoalescedRead {
  private final long offset;
  private final int length;
  private final int[] members;

  CoalescedRead(long offset, int length, int[] members) {
    this.offset = offset;
    this.length = length;
    this.members = members;
  }

  /**
   * Groups ranges of one file into reads: sorted by offset, a range joins the current read when
   * the gap to it is at most {@code maxGap} (overlaps join too) and the read stays within
   * {@code maxMerged} bytes; a range longer than that is read alone (with any range inside it).
   *
   * @param offsets offset of each request, indexed by request position
   * @param lengths length of each request (already checked against the file, each fits an int)
   * @param requests the request positions to group (those of one file)
   */
  static List<CoalescedRead> plan(long[] offsets, long[] lengths, List<Integer> requests,
      long maxGap, int maxMerged) {
    Integer[] order = requests.toArray(new Integer[0]);
    Arrays.sort(order, (a, b) -> offsets[a] != offsets[b]
        ? Long.compare(offsets[a], offsets[b]) : Long.compare(lengths[a], lengths[b]));
    List<CoalescedRead> reads = new ArrayList<>();
    int i = 0;
    while (i < order.length) {
      long start = offsets[order[i]];
      long end = start + lengths[order[i]];
      int j = i + 1;
      while (j < order.length) {
        long s = offsets[order[j]];
        long e = Math.max(end, s + lengths[order[j]]);
        // A range inside the current read always joins it: that costs no extra bytes.
        if (s - end > maxGap || (e > end && e - start > maxMerged)) {
          break;
        }
        end = e;
        j++;
      }
      int[] members = new int[j - i];
      for (int k = i; k < j; k++) {
        members[k - i] = order[k];
      }
      reads.add(new CoalescedRead(start, Math.toIntExact(end - start), members));
      i = j;
    }
    return Collections.unmodifiableList(reads);
  }

  long offset() {
    return offset;
  }

  int length() {
    return length;
  }

  /** Request positions served by this read, in offset order. */
  int[] members() {
    return members;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CoalescedRead)) {
      return false;
    }
    CoalescedRead r = (CoalescedRead) o;
    return offset == r.offset && length == r.length && Arrays.equals(members, r.members);
  }

  @Override
  public int hashCode() {
    return Objects.hash(offset, length) * 31 + Arrays.hashCode(members);
  }

  @Override
  public String toString() {
    return "CoalescedRead[" + offset + ", " + (offset + length) + ") for requests "
        + Arrays.toString(members);
  }
}
