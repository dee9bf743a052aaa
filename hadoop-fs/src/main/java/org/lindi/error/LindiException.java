package org.lindi.error;

/**
 * Base of every error the LINDI reader raises. The message names the file, array, key, url and
 * byte range where they are known; layers closer to the user add what they know with
 * {@link #addContext(ErrorContext)} as the exception travels up.
 */
public class LindiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private ErrorContext context;

  public LindiException(String reason) {
    this(reason, ErrorContext.EMPTY, null);
  }

  public LindiException(String reason, Throwable cause) {
    this(reason, ErrorContext.EMPTY, cause);
  }

  public LindiException(String reason, ErrorContext context) {
    this(reason, context, null);
  }

  public LindiException(String reason, ErrorContext context, Throwable cause) {
    super(reason, cause);
    this.reason = reason;
    this.context = context == null ? ErrorContext.EMPTY : context;
  }

  /** What went wrong, without the location. */
  public String reason() {
    return reason;
  }

  /** Where it went wrong. */
  public ErrorContext context() {
    return context;
  }

  /** Fills the fields of the context that are still unknown; returns this exception. */
  public LindiException addContext(ErrorContext outer) {
    this.context = context.orElse(outer);
    return this;
  }

  @Override
  public String getMessage() {
    return context.isEmpty() ? reason : reason + " (" + context + ")";
  }
}
