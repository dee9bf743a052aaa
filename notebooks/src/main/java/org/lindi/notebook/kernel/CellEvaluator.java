package org.lindi.notebook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * Evaluates notebook cells as JShell snippets in this JVM: declarations and imports persist from cell
 * to cell, and a cell whose last snippet is an expression without a closing semicolon has that
 * expression's value as its result.
 */
public final class CellEvaluator implements AutoCloseable {

  /** Imports every cell starts with: the JShell tool's defaults and the notebook display API. */
  public static final List<String> DEFAULT_IMPORTS = List.of(
      "import java.io.*;",
      "import java.math.*;",
      "import java.net.*;",
      "import java.nio.file.*;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "import java.util.function.*;",
      "import java.util.regex.*;",
      "import java.util.stream.*;",
      "import static org.lindi.notebook.Display.display;",
      "import org.lindi.notebook.Plots;");

  /** What {@link #run} returns for snippets that have no value to show (null is a value). */
  private static final Object NO_VALUE = new Object();

  private final CapturingExecutionControl control = new CapturingExecutionControl();
  private final JShell shell;

  /** A JShell whose compiler sees {@code classpath} (the kernel's own) and whose code runs here. */
  public CellEvaluator(String classpath) {
    this.shell = JShell.builder()
        .executionEngine(new CapturingExecutionProvider(control), Map.of())
        .build();
    shell.addToClasspath(classpath);
    for (String imp : DEFAULT_IMPORTS) {
      eval(imp);
    }
  }

  /**
   * Runs a cell's snippets in order; returns the value to show, or null when the cell ends with a
   * statement, a declaration or a semicolon.
   *
   * @throws CellCompileException a snippet does not compile (the snippets before it have run)
   * @throws CellExecutionException a snippet threw
   */
  public CellValue eval(String cell) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = cell;
    CellValue result = null;
    while (!remaining.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(remaining);
      Completeness completeness = info.completeness();
      if (completeness == Completeness.EMPTY) {
        break;
      }
      String source;
      if (completeness == Completeness.DEFINITELY_INCOMPLETE
          || completeness == Completeness.CONSIDERED_INCOMPLETE) {
        // the rest of the cell cannot be finished: let javac say why
        source = remaining;
        remaining = "";
      } else {
        source = info.source();
        remaining = info.remaining();
      }
      Object value = run(source);
      boolean isLast = remaining.isBlank();
      // as in IPython, a closing semicolon keeps the last expression's value from being shown
      result = isLast && value != NO_VALUE && !source.strip().endsWith(";") ? new CellValue(value) : null;
    }
    return result;
  }

  /** Completions at {@code cursor}: the replacement candidates and where they start. */
  public Completions complete(String code, int cursor) {
    int[] anchor = new int[1];
    List<Suggestion> suggestions = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
    List<String> texts = suggestions.stream()
        .map(Suggestion::continuation)
        .distinct()
        .collect(Collectors.toList());
    return new Completions(texts, anchor[0], cursor);
  }

  /** Whether {@code code} is a complete input, as JShell sees it. */
  public Completeness completeness(String code) {
    return shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
  }

  /** Stops the running cell, if any. */
  public void interrupt() {
    shell.stop();
  }

  @Override
  public void close() {
    shell.close();
  }

  /** Evaluates one snippet; returns its value for expressions, NO_VALUE for anything else. */
  private Object run(String source) {
    List<SnippetEvent> events = shell.eval(source);
    Object value = NO_VALUE;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // a dependent declaration updated by this one
      }
      Snippet snippet = event.snippet();
      switch (event.status()) {
        case REJECTED -> throw new CellCompileException(diagnostics(snippet));
        case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> throw new CellCompileException(unresolved(snippet));
        default -> { }
      }
      JShellException thrown = event.exception();
      if (thrown != null) {
        Throwable original = control.lastThrown();
        throw new CellExecutionException(original != null && thrown instanceof EvalException ? original : thrown);
      }
      if (shows(snippet)) {
        value = control.lastValue();
      }
    }
    return value;
  }

  /** Expressions (`x`, `a = b`, `f(x)` made a temporary `$n`) show their value; declarations do not. */
  private static boolean shows(Snippet snippet) {
    return switch (snippet.subKind()) {
      case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, ASSIGNMENT_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
      default -> false;
    };
  }

  private String diagnostics(Snippet snippet) {
    List<String> lines = new ArrayList<>();
    String source = snippet.source();
    shell.diagnostics(snippet).filter(Diag::isError).forEach(diag -> {
      lines.add("error: " + diag.getMessage(Locale.ROOT));
      lines.addAll(pointAt(source, (int) diag.getStartPosition(), (int) diag.getEndPosition()));
    });
    if (lines.isEmpty()) {
      lines.add("error: does not compile: " + source.strip());
    }
    return String.join("\n", lines);
  }

  private String unresolved(Snippet snippet) {
    List<String> names = snippet instanceof DeclarationSnippet declaration
        ? shell.unresolvedDependencies(declaration).collect(Collectors.toList())
        : List.of();
    return "error: cannot find symbol " + String.join(", ", names) + " in: " + snippet.source().strip();
  }

  /** The source line holding [start, end) and a marker under it. */
  private static List<String> pointAt(String source, int start, int end) {
    if (start < 0 || start > source.length()) {
      return List.of("    " + source.strip());
    }
    int lineStart = start == 0 ? 0 : source.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = source.indexOf('\n', start);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    int markEnd = Math.max(start + 1, Math.min(end, lineEnd));
    return List.of(
        "    " + source.substring(lineStart, lineEnd),
        "    " + " ".repeat(start - lineStart) + "^".repeat(markEnd - start));
  }
}
