package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which ranges become one read: gap at most maxGap, merged size at most maxMerged. */
@Timeout(10)
class CoalescedReadTest {
  /**
   * @param ranges "offset+length" items separated by spaces, in request order
   * @param expected the reads as "[start,end):members" separated by spaces
   */
  @ParameterizedTest(name = "{0} (gap {1}, max {2}) -> {3}")
  @CsvSource(value = {
      "0+10 10+10 20+10|0|100|[0,30):0,1,2",
      "20+10 0+10 10+10|0|100|[0,30):1,2,0",
      "0+10 15+10|4|100|[0,10):0 [15,25):1",
      "0+10 15+10|5|100|[0,25):0,1",
      "0+10 10+10 20+10|0|20|[0,20):0,1 [20,30):2",
      "0+50|0|20|[0,50):0",
      "0+10 5+10 0+10|0|100|[0,15):0,2,1",
      "0+100 10+10|0|100|[0,100):0,1",
      // a range inside the current read joins it even when that read is already too long
      "0+100 10+10|0|50|[0,100):0,1",
      "0+10 10+50|0|50|[0,10):0 [10,60):1",
      "5+1 1000+1 2000+1|994|10000|[5,1001):0,1 [2000,2001):2",
  }, delimiter = '|')
  void plansTheFewestReads(String ranges, long maxGap, int maxMerged, String expected) {
    String[] items = ranges.split(" ");
    long[] offsets = new long[items.length];
    long[] lengths = new long[items.length];
    List<Integer> requests = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      String[] p = items[i].split("\\+");
      offsets[i] = Long.parseLong(p[0]);
      lengths[i] = Long.parseLong(p[1]);
      requests.add(i);
    }
    String got = CoalescedRead.plan(offsets, lengths, requests, maxGap, maxMerged).stream()
        .map(r -> "[" + r.offset() + "," + (r.offset() + r.length()) + "):"
            + java.util.Arrays.stream(r.members()).mapToObj(String::valueOf)
                .collect(Collectors.joining(",")))
        .collect(Collectors.joining(" "));
    assertEquals(expected, got);
  }
}
