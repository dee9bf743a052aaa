package org.lindi.io;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff: after the n-th failed attempt wait about {@code base * 2^(n-1)}, never more
 * than {@code max}, for at most {@code maxAttempts} attempts in all. The wait is jittered between
 * half and all of it so that the tasks of a job that failed together do not retry in lockstep.
 */
public final class Backoff {
  private final int maxAttempts;
  private final Duration base;
  private final Duration max;

  public Backoff(int maxAttempts, Duration base, Duration max) {
    if (maxAttempts < 1 || base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("invalid backoff: " + maxAttempts + " attempts, "
          + base + ".." + max);
    }
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.max = max;
  }

  /** Attempts in all, the first one included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The longest wait after {@code failedAttempts} failures (1 after the first), before jitter. */
  public long delayMillis(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    long d = base.toMillis() << doublings;
    return d < 0 ? max.toMillis() : Math.min(d, max.toMillis());
  }

  /**
   * Waits before the next attempt; {@code atLeastMillis} (a server's Retry-After) raises the wait,
   * still capped at {@code max}.
   *
   * @throws InterruptedIOException when the thread is interrupted (the interrupt flag is kept)
   */
  public void sleepAfter(int failedAttempts, long atLeastMillis) throws InterruptedIOException {
    long d = delayMillis(failedAttempts);
    long half = d / 2;
    long wait = half + ThreadLocalRandom.current().nextLong(d - half + 1);
    wait = Math.min(Math.max(wait, atLeastMillis), max.toMillis());
    if (wait <= 0) {
      return;
    }
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException ie = new InterruptedIOException("interrupted while waiting to retry");
      ie.initCause(e);
      throw ie;
    }
  }

  public void sleepAfter(int failedAttempts) throws InterruptedIOException {
    sleepAfter(failedAttempts, 0);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Backoff)) {
      return false;
    }
    Backoff b = (Backoff) o;
    return maxAttempts == b.maxAttempts && base.equals(b.base) && max.equals(b.max);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, base, max);
  }

  @Override
  public String toString() {
    return "Backoff[" + maxAttempts + " attempts, " + base.toMillis() + ".." + max.toMillis()
        + " ms]";
  }
}
