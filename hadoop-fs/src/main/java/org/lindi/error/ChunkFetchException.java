package org.lindi.error;

/** A range read that failed after its retries (missing file, I/O error). */
public class ChunkFetchException extends LindiException {
  private static final long serialVersionUID = 1L;

  public ChunkFetchException(String reason) {
    super(reason);
  }

  public ChunkFetchException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public ChunkFetchException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public ChunkFetchException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
