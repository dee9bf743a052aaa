package org.lindi.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/python/check_lindi_zarr.py} with Debian's {@code /usr/bin/python3}
 * (zarr 2 and numcodecs): the reference implementation reads what the writer wrote. Skips the
 * calling test, with the reason, when that Python lacks zarr.
 */
final class PythonChecker {
  static final String PYTHON = "/usr/bin/python3";
  static final Path SCRIPT = Paths.get("src/test/python/check_lindi_zarr.py");
  private static Boolean available;

  private PythonChecker() {}

  static synchronized boolean available() {
    if (available == null) {
      try {
        Process p = new ProcessBuilder(PYTHON, "-c", "import zarr, numcodecs, numpy")
            .redirectErrorStream(true).start();
        available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (Exception e) {
        available = false;
      }
    }
    return available;
  }

  /** Asserts that zarr-python reads every array of {@code expected} to its sha256. */
  static void check(Path file, Map<String, String> expected) throws Exception {
    assumeTrue(available(), PYTHON + " with zarr and numcodecs is not installed "
        + "(apt-get install python3-zarr python3-numcodecs)");
    ObjectNode sidecar = TestArrays.JSON.createObjectNode();
    ObjectNode arrays = sidecar.putObject("arrays");
    expected.forEach(arrays::put);
    Path side = file.resolveSibling(file.getFileName() + ".sha256.json");
    Files.writeString(side, sidecar.toString());
    Process p = new ProcessBuilder(PYTHON, SCRIPT.toString(), file.toString(), side.toString())
        .redirectErrorStream(true).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertEquals(0, done ? p.exitValue() : -1, "zarr-python on " + file + ":\n" + out);
  }
}
