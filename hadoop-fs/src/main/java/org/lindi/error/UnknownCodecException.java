package org.lindi.error;

/** A codec id with no registered implementation. */
public class UnknownCodecException extends LindiException {
  private static final long serialVersionUID = 1L;

  public UnknownCodecException(String reason) {
    super(reason);
  }

  public UnknownCodecException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public UnknownCodecException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public UnknownCodecException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
