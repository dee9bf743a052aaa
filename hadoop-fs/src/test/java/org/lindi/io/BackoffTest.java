package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry schedule: doubling from the base delay, capped, bounded when slept. */
@Timeout(10)
class BackoffTest {
  private final Backoff backoff = new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(1000));

  @ParameterizedTest(name = "after {0} failures: {1} ms")
  @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "40, 1000", "0, 100"})
  void doublesUpToTheCap(int failures, long millis) {
    assertEquals(millis, backoff.delayMillis(failures));
  }

  @Test
  void sleepsBetweenHalfAndAllOfTheDelay() throws Exception {
    Backoff b = new Backoff(3, Duration.ofMillis(40), Duration.ofMillis(40));
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      b.sleepAfter(1);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms >= 19 && ms < 1000, ms + " ms");
    }
  }

  @Test
  void retryAfterRaisesTheWaitButNotBeyondTheCap() throws Exception {
    Backoff b = new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(50));
    long start = System.nanoTime();
    b.sleepAfter(1, 60_000);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms >= 49 && ms < 1000, ms + " ms");
  }

  @Test
  void anInterruptedSleepStopsAndKeepsTheFlag() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(InterruptedIOException.class, () -> backoff.sleepAfter(3));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> new Backoff(0, Duration.ofMillis(1), Duration.ofMillis(1)));
    assertThrows(IllegalArgumentException.class,
        () -> new Backoff(1, Duration.ofMillis(10), Duration.ofMillis(1)));
  }
}
