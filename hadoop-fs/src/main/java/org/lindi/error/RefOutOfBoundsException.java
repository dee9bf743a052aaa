package org.lindi.error;

/** A chunk ref whose byte range lies outside the file it points into. */
public class RefOutOfBoundsException extends LindiFormatException {
  private static final long serialVersionUID = 1L;

  public RefOutOfBoundsException(String reason) {
    super(reason);
  }

  public RefOutOfBoundsException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public RefOutOfBoundsException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public RefOutOfBoundsException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
