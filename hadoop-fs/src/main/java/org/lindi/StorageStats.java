package org.lindi;

/** The stored chunks of an array: how many refs, and how many bytes they cover. */
public final class StorageStats {
  private final long numChunks;
  private final long storedBytes;

  public StorageStats(long numChunks, long storedBytes) {
    this.numChunks = numChunks;
    this.storedBytes = storedBytes;
  }

  /** Number of chunks that have a ref (missing chunks read as fill_value). */
  public long numChunks() {
    return numChunks;
  }

  /** Bytes of all chunk refs (encoded size). */
  public long storedBytes() {
    return storedBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorageStats && ((StorageStats) o).numChunks == numChunks
        && ((StorageStats) o).storedBytes == storedBytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numChunks) * 31 + Long.hashCode(storedBytes);
  }

  @Override
  public String toString() {
    return numChunks + " chunks, " + storedBytes + " bytes";
  }
}
