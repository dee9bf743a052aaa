package org.lindi.write;

import java.io.Closeable;
import java.io.IOException;

/** The exclusive right to write one lindi file; {@link #close()} gives it up. */
interface WriteLock extends Closeable {
  @Override
  void close() throws IOException;
}
