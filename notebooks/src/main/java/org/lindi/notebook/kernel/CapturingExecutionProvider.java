package org.lindi.notebook.kernel;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link CapturingExecutionControl} the evaluator reads values from. */
final class CapturingExecutionProvider implements ExecutionControlProvider {

  private final CapturingExecutionControl control;

  CapturingExecutionProvider(CapturingExecutionControl control) {
    this.control = control;
  }

  @Override
  public String name() {
    return "lindi-local";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return control;
  }
}
