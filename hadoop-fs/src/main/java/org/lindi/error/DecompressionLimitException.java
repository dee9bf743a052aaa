package org.lindi.error;

/** A codec header that claims more decoded bytes than the chunk can hold (a decompression bomb). */
public class DecompressionLimitException extends CodecException {
  private static final long serialVersionUID = 1L;

  public DecompressionLimitException(String reason) {
    super(reason);
  }

  public DecompressionLimitException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public DecompressionLimitException(String reason, ErrorContext context) {
    super(reason, context);
  }

  public DecompressionLimitException(String reason, ErrorContext context, Throwable cause) {
    super(reason, context, cause);
  }
}
