package org.lindi.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.jfree.chart.JFreeChart;

/** Shows values in the running notebook cell's output; {@code display} is imported in every cell. */
public final class Display {

  private Display() {}

  /** Shows {@code value} as the kernel renders it: charts and images as PNG, anything else as text. */
  public static void display(Object value) {
    BaseKernel kernel = BaseKernel.notebookKernel();
    kernel.display(value == null ? new DisplayData("null") : kernel.getRenderer().render(value));
  }

  /** Shows {@code chart} as a PNG of {@code width} x {@code height} pixels. */
  public static void display(JFreeChart chart, int width, int height) {
    BaseKernel.notebookKernel().display(ChartImages.displayData(chart, width, height));
  }
}
