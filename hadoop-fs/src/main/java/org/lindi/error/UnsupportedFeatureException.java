package org.lindi.error;

/** A valid LINDI feature that this version does not support yet. */
public class UnsupportedFeatureException extends LindiException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFeatureException(String reason) {
    super(reason);
  }

  public UnsupportedFeatureException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public UnsupportedFeatureException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public UnsupportedFeatureException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
