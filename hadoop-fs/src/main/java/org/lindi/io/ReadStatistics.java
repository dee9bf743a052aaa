package org.lindi.io;

import java.util.concurrent.atomic.LongAdder;

/**
 * What range reads cost: ranges asked for, reads issued to the filesystem (after coalescing),
 * bytes fetched (gaps included), time spent fetching and retries. Thread-safe; the Spark connector
 * reports these as task metrics.
 */
public final class ReadStatistics {
  private final LongAdder requests = new LongAdder();
  private final LongAdder ranges = new LongAdder();
  private final LongAdder bytesFetched = new LongAdder();
  private final LongAdder fetchNanos = new LongAdder();
  private final LongAdder retries = new LongAdder();

  /** Reads issued to the filesystem (one per coalesced range). */
  public long requests() {
    return requests.sum();
  }

  /** Ranges callers asked for. */
  public long ranges() {
    return ranges.sum();
  }

  /** Bytes read from the filesystem, gaps between coalesced ranges included. */
  public long bytesFetched() {
    return bytesFetched.sum();
  }

  /** Wall-clock time spent in reads, file lookups and opens. */
  public long fetchNanos() {
    return fetchNanos.sum();
  }

  /** Failed attempts that were tried again. */
  public long retries() {
    return retries.sum();
  }

  void recordRanges(int n) {
    ranges.add(n);
  }

  void recordRequest(long bytes) {
    requests.increment();
    bytesFetched.add(bytes);
  }

  void recordFetchNanos(long nanos) {
    fetchNanos.add(nanos);
  }

  void recordRetry() {
    retries.increment();
  }

  @Override
  public String toString() {
    return "ReadStatistics[requests=" + requests() + ", ranges=" + ranges() + ", bytesFetched="
        + bytesFetched() + ", fetchMillis=" + fetchNanos() / 1_000_000 + ", retries=" + retries()
        + "]";
  }
}
