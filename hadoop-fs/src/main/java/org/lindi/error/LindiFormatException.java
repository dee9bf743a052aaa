package org.lindi.error;

/** A file, RFS document, tar archive or array metadata that does not follow the format. */
public class LindiFormatException extends LindiException {
  private static final long serialVersionUID = 1L;

  public LindiFormatException(String reason) {
    super(reason);
  }

  public LindiFormatException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public LindiFormatException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public LindiFormatException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
