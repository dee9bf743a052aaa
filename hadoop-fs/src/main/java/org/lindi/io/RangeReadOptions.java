package org.lindi.io;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * How a {@link ChunkRangeReader} batches and retries: ranges closer than {@link #maxGapBytes()} are
 * read together while the merged read stays within {@link #maxMergedBytes()}; failed reads are
 * tried {@link #maxAttempts()} times with exponential backoff from {@link #retryBaseDelay()}, each
 * wait at most {@link #retryMaxDelay()}. Immutable; the {@code with*} methods return copies.
 */
public final class RangeReadOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String MAX_GAP_KEY = "lindi.read.coalesce.maxGapBytes";
  public static final String MAX_MERGED_KEY = "lindi.read.coalesce.maxMergedBytes";
  public static final String MAX_ATTEMPTS_KEY = "lindi.read.retry.maxAttempts";
  public static final String BASE_DELAY_KEY = "lindi.read.retry.baseDelayMillis";
  public static final String MAX_DELAY_KEY = "lindi.read.retry.maxDelayMillis";
  public static final String VECTORED_KEY = "lindi.read.vectored";
  public static final String MAX_OPEN_FILES_KEY = "lindi.read.maxOpenFiles";

  /** Largest merged read: a byte[] holds it, and one read should not pin much more memory. */
  public static final int MAX_READ_BYTES = Integer.MAX_VALUE - 16;

  /** 64 KiB gap, 16 MiB merged reads, 4 attempts from 200 ms up to 10 s, vectored reads, 64 files. */
  public static final RangeReadOptions DEFAULT = new RangeReadOptions(64 * 1024, 16 * 1024 * 1024,
      4, Duration.ofMillis(200), Duration.ofSeconds(10), true, 64);

  private final long maxGapBytes;
  private final int maxMergedBytes;
  private final int maxAttempts;
  private final Duration retryBaseDelay;
  private final Duration retryMaxDelay;
  private final boolean vectoredReads;
  private final int maxOpenFiles;

  private RangeReadOptions(long maxGapBytes, int maxMergedBytes, int maxAttempts,
      Duration retryBaseDelay, Duration retryMaxDelay, boolean vectoredReads, int maxOpenFiles) {
    if (maxGapBytes < 0) {
      throw new IllegalArgumentException("maxGapBytes must be >= 0: " + maxGapBytes);
    }
    if (maxMergedBytes < 1 || maxMergedBytes > MAX_READ_BYTES) {
      throw new IllegalArgumentException("maxMergedBytes must be in [1, " + MAX_READ_BYTES + "]: "
          + maxMergedBytes);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    if (retryBaseDelay.isNegative() || retryMaxDelay.compareTo(retryBaseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= retryBaseDelay <= retryMaxDelay: "
          + retryBaseDelay + ", " + retryMaxDelay);
    }
    if (maxOpenFiles < 1) {
      throw new IllegalArgumentException("maxOpenFiles must be >= 1: " + maxOpenFiles);
    }
    this.maxGapBytes = maxGapBytes;
    this.maxMergedBytes = maxMergedBytes;
    this.maxAttempts = maxAttempts;
    this.retryBaseDelay = retryBaseDelay;
    this.retryMaxDelay = retryMaxDelay;
    this.vectoredReads = vectoredReads;
    this.maxOpenFiles = maxOpenFiles;
  }

  /** The defaults, overridden by the {@code lindi.read.*} keys of {@code conf}. */
  public static RangeReadOptions fromConfiguration(Configuration conf) {
    RangeReadOptions d = DEFAULT;
    return new RangeReadOptions(
        conf.getLong(MAX_GAP_KEY, d.maxGapBytes),
        conf.getInt(MAX_MERGED_KEY, d.maxMergedBytes),
        conf.getInt(MAX_ATTEMPTS_KEY, d.maxAttempts),
        Duration.ofMillis(conf.getLong(BASE_DELAY_KEY, d.retryBaseDelay.toMillis())),
        Duration.ofMillis(conf.getLong(MAX_DELAY_KEY, d.retryMaxDelay.toMillis())),
        conf.getBoolean(VECTORED_KEY, d.vectoredReads),
        conf.getInt(MAX_OPEN_FILES_KEY, d.maxOpenFiles));
  }

  public long maxGapBytes() {
    return maxGapBytes;
  }

  public int maxMergedBytes() {
    return maxMergedBytes;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration retryBaseDelay() {
    return retryBaseDelay;
  }

  public Duration retryMaxDelay() {
    return retryMaxDelay;
  }

  /** Whether to use {@code readVectored} on streams that declare {@code in:readvectored}. */
  public boolean vectoredReads() {
    return vectoredReads;
  }

  /** How many input streams a reader keeps open at once (least recently used closed first). */
  public int maxOpenFiles() {
    return maxOpenFiles;
  }

  public RangeReadOptions withMaxGapBytes(long v) {
    return new RangeReadOptions(v, maxMergedBytes, maxAttempts, retryBaseDelay, retryMaxDelay,
        vectoredReads, maxOpenFiles);
  }

  public RangeReadOptions withMaxMergedBytes(int v) {
    return new RangeReadOptions(maxGapBytes, v, maxAttempts, retryBaseDelay, retryMaxDelay,
        vectoredReads, maxOpenFiles);
  }

  public RangeReadOptions withRetries(int attempts, Duration baseDelay, Duration maxDelay) {
    return new RangeReadOptions(maxGapBytes, maxMergedBytes, attempts, baseDelay, maxDelay,
        vectoredReads, maxOpenFiles);
  }

  public RangeReadOptions withVectoredReads(boolean v) {
    return new RangeReadOptions(maxGapBytes, maxMergedBytes, maxAttempts, retryBaseDelay,
        retryMaxDelay, v, maxOpenFiles);
  }

  public RangeReadOptions withMaxOpenFiles(int v) {
    return new RangeReadOptions(maxGapBytes, maxMergedBytes, maxAttempts, retryBaseDelay,
        retryMaxDelay, vectoredReads, v);
  }

  /** The retry schedule these options describe. */
  public Backoff backoff() {
    return new Backoff(maxAttempts, retryBaseDelay, retryMaxDelay);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RangeReadOptions)) {
      return false;
    }
    RangeReadOptions r = (RangeReadOptions) o;
    return maxGapBytes == r.maxGapBytes && maxMergedBytes == r.maxMergedBytes
        && maxAttempts == r.maxAttempts && retryBaseDelay.equals(r.retryBaseDelay)
        && retryMaxDelay.equals(r.retryMaxDelay) && vectoredReads == r.vectoredReads
        && maxOpenFiles == r.maxOpenFiles;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxGapBytes, maxMergedBytes, maxAttempts, retryBaseDelay, retryMaxDelay,
        vectoredReads, maxOpenFiles);
  }

  @Override
  public String toString() {
    return "RangeReadOptions[maxGap=" + maxGapBytes + ", maxMerged=" + maxMergedBytes
        + ", attempts=" + maxAttempts + ", backoff=" + retryBaseDelay.toMillis() + ".."
        + retryMaxDelay.toMillis() + " ms, vectored=" + vectoredReads + ", maxOpenFiles="
        + maxOpenFiles + "]";
  }
}
