package org.lindi.error;

/** Chunk bytes that a codec cannot decode (corrupt, truncated or not of that codec). */
public class CodecException extends LindiException {
  private static final long serialVersionUID = 1L;

  public CodecException(String reason) {
    super(reason);
  }

  public CodecException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public CodecException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public CodecException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
