package org.lindi.notebook.kernel;

/** A cell's Java does not compile (or names something undefined); the message holds javac's diagnostics. */
public final class CellCompileException extends RuntimeException {

  public CellCompileException(String diagnostics) {
    // no stack trace: the kernel's own frames say nothing about the cell
    super(diagnostics, null, false, false);
  }
}
