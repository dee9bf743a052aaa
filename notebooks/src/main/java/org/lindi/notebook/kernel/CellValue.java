package org.lindi.notebook.kernel;

/** The value a cell ends with, to be displayed (may itself be null: the expression was null). */
public record CellValue(Object value) {}
