package org.lindi.notebook.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.lindi.notebook.ChartImages;

/** A Jupyter kernel for Java: cells are JShell snippets run in this JVM, charts come back as PNG. */
public final class JavaKernel extends BaseKernel implements AutoCloseable {

  private final CellEvaluator evaluator;

  /** A kernel whose cells compile against {@code classpath} (normally this JVM's own). */
  public JavaKernel(String classpath) {
    super("lindi-java",
        "0.1.0",
        new LanguageInfo.Builder("Java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("java")
            .build(),
        List.of(),
        null,
        new JupyterIO(StandardCharsets.UTF_8),
        new CommManager(),
        new Renderer(),
        null,
        new MagicsRegistry(),
        false,
        // plain text: tracebacks land in committed notebooks, where ANSI colours are noise
        new StringStyler.Builder().build());
    ChartImages.register(getRenderer());
    this.evaluator = new CellEvaluator(classpath);
  }

  @Override
  public DisplayData eval(String code) {
    try {
      CellValue value = evaluator.eval(code);
      if (value == null) {
        return null;
      }
      return value.value() == null ? new DisplayData("null") : getRenderer().render(value.value());
    } finally {
      // text printed without a final newline is still the cell's
      System.out.flush();
      System.err.flush();
    }
  }

  @Override
  public Object evalRaw(String code) {
    CellValue value = evaluator.eval(code);
    return value == null ? null : value.value();
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return null;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    Completions completions = evaluator.complete(code, at);
    return new ReplacementOptions(completions.candidates(), completions.start(), completions.end());
  }

  @Override
  public String isComplete(String code) {
    Completeness completeness = evaluator.completeness(code);
    return switch (completeness) {
      case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
      case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
      case UNKNOWN -> IS_COMPLETE_BAD;
    };
  }

  @Override
  public void interrupt() {
    evaluator.interrupt();
  }

  /** Compile errors as javac's diagnostics; exceptions as their stack trace up to the cell's code. */
  @Override
  public List<String> formatError(Throwable e) {
    if (e instanceof CellCompileException) {
      return List.of(e.getMessage().split("\n"));
    }
    Throwable shown = e instanceof CellExecutionException && e.getCause() != null ? e.getCause() : e;
    StringWriter trace = new StringWriter();
    shown.printStackTrace(new PrintWriter(trace));
    List<String> lines = new ArrayList<>();
    for (String line : trace.toString().split("\n")) {
      if (!CellExecutionException.isMachinery(line)) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Override
  public void close() {
    evaluator.close();
  }
}
