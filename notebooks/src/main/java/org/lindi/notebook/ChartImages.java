package org.lindi.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Renders JFreeChart charts as PNG display data, so a cell that ends with a chart shows it. */
public final class ChartImages {

  /** Size of a chart shown without an explicit size: fits a notebook's width. */
  public static final int DEFAULT_WIDTH = 760;
  public static final int DEFAULT_HEIGHT = 320;

  private ChartImages() {}

  /** Makes {@code renderer} turn JFreeChart values into {@code image/png} (and their title as text). */
  public static void register(Renderer renderer) {
    renderer.createRegistration(JFreeChart.class)
        .preferring(MIMEType.IMAGE_PNG)
        .register((chart, context) -> {
          context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64Png(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT));
          context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(chart));
        });
  }

  /** The chart as display data: a {@code width} x {@code height} PNG, and its title as text. */
  public static DisplayData displayData(JFreeChart chart, int width, int height) {
    DisplayData data = new DisplayData(describe(chart));
    data.putData(MIMEType.IMAGE_PNG, base64Png(chart, width, height));
    return data;
  }

  /** The chart drawn at {@code width} x {@code height} pixels. */
  public static BufferedImage image(JFreeChart chart, int width, int height) {
    return chart.createBufferedImage(width, height);
  }

  /** PNG bytes of the chart. */
  public static byte[] png(JFreeChart chart, int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeBufferedImageAsPNG(out, image(chart, width, height), false, 9);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode chart '" + describe(chart) + "' as PNG", e);
    }
    return out.toByteArray();
  }

  private static String base64Png(JFreeChart chart, int width, int height) {
    return Base64.getEncoder().encodeToString(png(chart, width, height));
  }

  private static String describe(JFreeChart chart) {
    return chart.getTitle() == null ? "chart" : "chart: " + chart.getTitle().getText();
  }
}
