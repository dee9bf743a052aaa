package org.lindi.write;

import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;

/** Another writer holds the file: a second writer is refused instead of corrupting it. */
public class LindiWriteConflictException extends LindiException {
  private static final long serialVersionUID = 1L;

  public LindiWriteConflictException(String reason) {
    super(reason);
  }

  public LindiWriteConflictException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public LindiWriteConflictException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public LindiWriteConflictException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
