package org.lindi.notebook.kernel;

import java.util.List;

/** Completion candidates for the code range [start, end) of a cell. */
public record Completions(List<String> candidates, int start, int end) {

  public Completions {
    candidates = List.copyOf(candidates);
  }
}
