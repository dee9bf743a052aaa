package org.lindi.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cells are JShell snippets: state persists, the last expression is the value, errors are typed. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CellEvaluatorTest {

  private static CellEvaluator cells;

  @BeforeAll
  static void start() {
    cells = new CellEvaluator(System.getProperty("java.class.path"));
  }

  @AfterAll
  static void stop() {
    cells.close();
  }

  @Test
  void theLastExpressionWithoutSemicolonIsTheCellsValue() {
    CellValue value = cells.eval("int a = 40;\nint b = 2;\na + b");
    assertEquals(42, value.value());
  }

  @Test
  void aClosingSemicolonOrAStatementGivesNoValue() {
    assertNull(cells.eval("Math.max(1, 2);"));
    assertNull(cells.eval("int unused = 3"));
    assertNull(cells.eval("for (int i = 0; i < 2; i++) { }"));
  }

  @Test
  void declarationsAndImportsPersistAcrossCells() {
    cells.eval("import java.time.Duration;");
    cells.eval("Duration d = Duration.ofSeconds(90);");
    cells.eval("long twice(long x) { return 2 * x; }");
    assertEquals(180L, cells.eval("twice(d.getSeconds())").value());
  }

  @Test
  void defaultImportsIncludeCollectionsAndTheDisplayApi() {
    assertEquals(List.of(1, 2), cells.eval("new ArrayList<>(List.of(1, 2))").value());
    assertInstanceOf(JFreeChart.class,
        cells.eval("Plots.bars(\"rms\", \"uV\", List.of(\"ch0\"), new double[] {1.5})").value());
  }

  @Test
  void aVariableOrANullExpressionIsShownAsItIs() {
    cells.eval("String none = null;");
    CellValue value = cells.eval("none");
    assertTrue(value != null && value.value() == null);
  }

  @Test
  void printedTextGoesToSystemOut() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      cells.eval("System.out.println(\"hello from a cell\");");
    } finally {
      System.setOut(original);
    }
    assertEquals("hello from a cell\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCompileErrorNamesTheProblemAndPointsAtIt() {
    CellCompileException e = assertThrows(CellCompileException.class, () -> cells.eval("int z = notDefined + 1;"));
    assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
    assertTrue(e.getMessage().contains("notDefined"), e.getMessage());
    assertTrue(e.getMessage().contains("^"), e.getMessage());
  }

  @Test
  void snippetsBeforeACompileErrorHaveRun() {
    assertThrows(CellCompileException.class, () -> cells.eval("int before = 7;\nString s = 1;"));
    assertEquals(7, cells.eval("before").value());
  }

  @Test
  void anIncompleteCellIsACompileError() {
    assertThrows(CellCompileException.class, () -> cells.eval("if (true) {"));
  }

  @Test
  void aMethodUsingAnUndefinedNameIsACompileError() {
    CellCompileException e = assertThrows(CellCompileException.class, () -> cells.eval("int f() { return missingVar; }"));
    assertTrue(e.getMessage().contains("missingVar"), e.getMessage());
  }

  @Test
  void anExceptionIsReportedAsThrownWithItsStackTrace() {
    CellExecutionException e = assertThrows(CellExecutionException.class,
        () -> cells.eval("Integer.parseInt(\"not a number\")"));
    assertInstanceOf(NumberFormatException.class, e.getCause());
    assertTrue(e.getMessage().startsWith("java.lang.NumberFormatException: For input string"), e.getMessage());
    assertTrue(e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().equals("java.lang.NumberFormatException"));
    for (StackTraceElement frame : e.getStackTrace()) {
      assertTrue(!frame.getClassName().startsWith("org.lindi.notebook.kernel"), frame.toString());
    }
  }

  @Test
  void completionSuggestsMembers() {
    Completions completions = cells.complete("\"abc\".toUpp", 11);
    assertTrue(completions.candidates().contains("toUpperCase("), completions.toString());
    assertEquals(6, completions.start());
  }
}
