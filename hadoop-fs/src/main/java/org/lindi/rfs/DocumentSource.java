package org.lindi.rfs;

import java.io.IOException;

/**
 * An RFS document of known length read piece by piece from any position (a range of a container
 * file), so that a parser can scan it through a small window instead of holding it whole.
 */
public interface DocumentSource {
  /** The document's length in bytes. */
  long length();

  /**
   * Reads exactly {@code len} bytes of the document at {@code position} into
   * {@code buf[off, off + len)}.
   *
   * @throws IOException when they cannot be read (the source names its file in the message)
   */
  void read(long position, byte[] buf, int off, int len) throws IOException;
}
