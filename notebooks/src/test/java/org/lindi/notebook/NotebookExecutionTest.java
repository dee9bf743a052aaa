package org.lindi.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.notebook.kernel.KernelSpec;

/**
 * Every notebook of the module executes from top to bottom on the lindi-java kernel with
 * {@code jupyter nbconvert --execute}, without a cell error; its plots come out as PNG.
 * Without Jupyter the notebooks are skipped, except under CI (env {@code CI} set), where that fails.
 */
class NotebookExecutionTest {

  /** Seconds a cell may run (a loaded CI machine starts Spark slowly). */
  private static final int CELL_TIMEOUT_SECONDS = 300;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NOTEBOOKS = Path.of(System.getProperty("lindi.notebooks.dir", "."));
  private static final Path JUPYTER_PATH = Path.of(System.getProperty("lindi.notebooks.jupyterPath", "target/jupyter"));
  private static final Path OUTPUT = Path.of(System.getProperty("lindi.notebooks.output", "target/executed"));

  static Stream<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
      assertFalse(found.isEmpty(), "no notebook in " + NOTEBOOKS.toAbsolutePath());
      return found.stream();
    }
  }

  @BeforeAll
  static void jupyterAndTheKernelspecAreThere() throws IOException {
    String missing = jupyterProblem();
    if (missing != null) {
      String message = "jupyter nbconvert is not usable (" + missing + "); install the Debian packages "
          + "jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client to execute the notebooks";
      if (System.getenv("CI") != null) {
        fail(message);
      }
      Assumptions.abort("Skipping the notebooks: " + message);
    }
    Path spec = JUPYTER_PATH.resolve("kernels").resolve(KernelSpec.NAME).resolve("kernel.json");
    assertTrue(Files.isRegularFile(spec), spec + " is missing: it is written by `mvn process-classes` in notebooks/");
    Files.createDirectories(OUTPUT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void executesWithoutACellError(Path notebook) throws Exception {
    String name = notebook.getFileName().toString();
    Path log = OUTPUT.resolve(name + ".log");
    ProcessBuilder nbconvert = new ProcessBuilder(
        "jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
        "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT_SECONDS,
        "--ExecutePreprocessor.startup_timeout=180",
        "--ExecutePreprocessor.record_timing=False",
        "--output-dir", OUTPUT.toAbsolutePath().toString(),
        notebook.toAbsolutePath().toString())
        .directory(OUTPUT.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    nbconvert.environment().put("JUPYTER_PATH", JUPYTER_PATH.toAbsolutePath().toString());
    Process process = nbconvert.start();
    if (!process.waitFor(9, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(name + " did not finish in 9 minutes; nbconvert said:\n" + tail(log));
    }
    assertEquals(0, process.exitValue(), () -> name + " failed; nbconvert said:\n" + tail(log));

    JsonNode executed = JSON.readTree(OUTPUT.resolve(name).toFile());
    for (JsonNode cell : codeCells(executed)) {
      String source = source(cell);
      assertTrue(cell.path("execution_count").isInt(), () -> "not executed: " + source);
      for (JsonNode output : cell.path("outputs")) {
        assertFalse("error".equals(output.path("output_type").asText()), () -> "error output in: " + source);
      }
      if (source.contains("Plots.")) {
        assertTrue(hasPng(cell), () -> "no image/png output from a plotting cell: " + source);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void isCommittedWithItsOutputs(Path notebook) throws IOException {
    JsonNode committed = JSON.readTree(notebook.toFile());
    assertEquals(KernelSpec.NAME, committed.path("metadata").path("kernelspec").path("name").asText());
    for (JsonNode cell : codeCells(committed)) {
      assertTrue(cell.path("execution_count").isInt(), () -> "committed without running: " + source(cell));
    }
    assertTrue(Files.size(notebook) < 1_500_000, notebook + " is " + Files.size(notebook) + " bytes: keep outputs small");
  }

  private static List<JsonNode> codeCells(JsonNode notebook) {
    List<JsonNode> cells = new ArrayList<>();
    for (JsonNode cell : notebook.path("cells")) {
      if ("code".equals(cell.path("cell_type").asText())) {
        cells.add(cell);
      }
    }
    return cells;
  }

  private static String source(JsonNode cell) {
    JsonNode source = cell.path("source");
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  private static boolean hasPng(JsonNode cell) {
    for (JsonNode output : cell.path("outputs")) {
      if (output.path("data").has("image/png")) {
        return true;
      }
    }
    return false;
  }

  /** Null when {@code jupyter nbconvert} runs, otherwise what went wrong. */
  private static String jupyterProblem() {
    try {
      Process p = new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "`jupyter nbconvert --version` did not answer in 60 s";
      }
      return p.exitValue() == 0 ? null : "`jupyter nbconvert --version` exited with " + p.exitValue() + ": " + out;
    } catch (IOException | InterruptedException e) {
      return "cannot run jupyter: " + e.getMessage();
    }
  }

  /** The end of nbconvert's output: the failing cell, its traceback and the error. */
  private static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() <= 20_000 ? text : "...\n" + text.substring(text.length() - 20_000);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
