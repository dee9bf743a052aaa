package org.lindi.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary directories in memory ({@code /dev/shm}) where there is one: every commit forces its
 * bytes to disk, and on a virtual disk the fsyncs, not the code, would set the tests' pace. What a
 * kill leaves behind does not depend on it (the page cache survives a killed process).
 */
public final class ShmTempDir implements TempDirFactory {
  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
      throws IOException {
    Path shm = Paths.get("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return Files.createTempDirectory(shm, "lindi-write-test");
    }
    return Files.createTempDirectory("lindi-write-test");
  }
}
