package org.lindi.notebook.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The Jupyter kernelspec ({@code kernels/lindi-java/kernel.json}) that starts {@link KernelMain}. */
public final class KernelSpec {

  /** The kernel's name: notebooks name it in {@code metadata.kernelspec.name}. */
  public static final String NAME = "lindi-java";

  private final String java;
  private final List<String> jvmOptions;
  private final String classpath;

  public KernelSpec(String java, List<String> jvmOptions, String classpath) {
    this.java = Objects.requireNonNull(java, "java");
    this.jvmOptions = List.copyOf(jvmOptions);
    this.classpath = Objects.requireNonNull(classpath, "classpath");
  }

  /** The command line Jupyter runs, {@code {connection_file}} last. */
  public List<String> argv() {
    List<String> argv = new ArrayList<>();
    argv.add(java);
    argv.addAll(jvmOptions);
    argv.add("-cp");
    argv.add(classpath);
    argv.add(KernelMain.class.getName());
    argv.add("{connection_file}");
    return argv;
  }

  /** The kernel.json text. */
  public String json() {
    StringBuilder json = new StringBuilder("{\n  \"argv\": [");
    List<String> argv = argv();
    for (int i = 0; i < argv.size(); i++) {
      json.append(i == 0 ? "\n    " : ",\n    ").append(quote(argv.get(i)));
    }
    return json.append("\n  ],\n")
        .append("  \"display_name\": \"Java (lindi-spark)\",\n")
        .append("  \"language\": \"java\",\n")
        .append("  \"interrupt_mode\": \"message\"\n")
        .append("}\n")
        .toString();
  }

  /** Writes {@code <jupyterPath>/kernels/lindi-java/kernel.json}; returns the file. */
  public Path writeTo(Path jupyterPath) throws IOException {
    Path dir = jupyterPath.resolve("kernels").resolve(NAME);
    Files.createDirectories(dir);
    Path file = dir.resolve("kernel.json");
    Files.writeString(file, json(), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Build step: {@code KernelSpec <jupyterPath> <java> <classesDir> <classpathFiles> "<jvm options>"}.
   * The classpath files (separated by the path separator) are maven-dependency-plugin's
   * build-classpath outputs; their entries are joined in order, each once.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: KernelSpec <jupyterPath> <java> <classesDir> <classpathFiles> <jvmOptions>, got "
              + Arrays.toString(args));
    }
    Set<String> entries = new LinkedHashSet<>();
    entries.add(args[2]);
    for (String file : args[3].split(File.pathSeparator)) {
      for (String entry : Files.readString(Path.of(file), StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          entries.add(entry);
        }
      }
    }
    String classpath = String.join(File.pathSeparator, entries);
    List<String> options = Arrays.stream(args[4].trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    Path file = new KernelSpec(args[1], options, classpath).writeTo(Path.of(args[0]));
    System.out.println("Jupyter kernelspec " + NAME + ": " + file);
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
