package org.lindi.io;

import java.io.IOException;
import java.net.URI;

/**
 * An HTTP response that is neither data nor a missing file nor denied access (e.g. 400, or a 503
 * that outlived the retries). Range readers do not retry it: {@link HttpRangeFileSystem} already
 * retried the statuses worth retrying.
 */
public final class HttpStatusException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final long retryAfterMillis;

  public HttpStatusException(URI uri, int status, long retryAfterMillis) {
    super("HTTP " + status + " from " + uri);
    this.status = status;
    this.retryAfterMillis = retryAfterMillis;
  }

  public int status() {
    return status;
  }

  /** True for statuses that may pass when tried again: 408, 429 and 5xx. */
  public boolean isTransient() {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
  }

  /** The server's Retry-After in milliseconds, 0 when it sent none. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
