package org.lindi.notebook.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** Entry point Jupyter starts: {@code KernelMain <connection_file>}. */
public final class KernelMain {

  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: KernelMain <connection_file>");
    }
    KernelConnectionProperties properties =
        KernelConnectionProperties.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    JupyterConnection connection = new JupyterConnection(properties);
    try (JavaKernel kernel = new JavaKernel(System.getProperty("java.class.path"))) {
      bindScalaConsole(kernel.getIO().out);
      kernel.onStartup();
      kernel.becomeHandlerForConnection(connection);
      connection.connect();
      connection.waitUntilClose();
    }
    // Spark leaves non-daemon threads behind; the kernel's life ends with the connection
    System.exit(0);
  }

  /**
   * Scala's Console (Spark's {@code show()}) keeps the System.out it saw first; make that the
   * kernel's cell output stream, which follows whichever cell is running.
   */
  private static void bindScalaConsole(PrintStream cellOut) {
    PrintStream original = System.out;
    System.setOut(cellOut);
    try {
      Class.forName("scala.Console$", true, KernelMain.class.getClassLoader());
    } catch (ClassNotFoundException noScala) {
      // no Spark on the classpath: nothing to bind
    } finally {
      System.setOut(original);
    }
  }
}
