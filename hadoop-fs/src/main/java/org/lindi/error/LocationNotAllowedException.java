package org.lindi.error;

/** A ref url refused by the location safety policy (SPEC section 8). */
public class LocationNotAllowedException extends LindiException {
  private static final long serialVersionUID = 1L;

  public LocationNotAllowedException(String reason) {
    super(reason);
  }

  public LocationNotAllowedException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public LocationNotAllowedException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public LocationNotAllowedException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
