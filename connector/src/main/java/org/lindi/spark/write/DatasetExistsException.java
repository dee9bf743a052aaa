package org.lindi.spark.write;

import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;

/** SaveMode.ErrorIfExists found the dataset already in the file (the file itself may exist). */
public class DatasetExistsException extends LindiException {
  private static final long serialVersionUID = 1L;

  public DatasetExistsException(String reason, ErrorContext context) {
    super(reason, context);
  }
}
