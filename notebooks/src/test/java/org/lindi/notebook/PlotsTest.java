package org.lindi.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The notebook charts: what they plot, and that they come out as PNG. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlotsTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void tracesAreThinnedToAFewThousandPointsWithoutLosingASpike() {
    int n = 300_000;
    double[] time = new double[n];
    double[] flat = new double[n];
    double[] spiky = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = i / 30000.0;
    }
    spiky[123_457] = -150;   // one sample: a naive every-k-th thinning would miss it
    JFreeChart chart = Plots.traces("t", "uV", time, new double[][] {flat, spiky}, List.of("a", "b"));
    XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
    XYSeries b = data.getSeries(1);
    assertTrue(b.getItemCount() <= Plots.MAX_POINTS + 2, "points: " + b.getItemCount());
    // "b" is the bottom row (0); its spike spans the whole row height below it
    assertEquals(-1 / 1.1, b.getMinY(), 1e-3);
    assertEquals(1.0, data.getSeries(0).getMinY(), 1e-9);   // "a", flat, sits on row 1
  }

  @Test
  void aRasterHasOneRowPerUnitAndAPointPerSpike() {
    JFreeChart chart = Plots.raster("r", List.of("u0", "u1"),
        List.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.5}));
    XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
    assertEquals(3, data.getSeries(0).getItemCount());
    assertEquals(1.0, data.getSeries(0).getMinY());   // first unit on top
    assertEquals(1, data.getSeries(1).getItemCount());
    assertEquals(0.0, data.getSeries(1).getMinY());
  }

  @Test
  void mismatchedInputsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Plots.bars("b", "v", List.of("a", "b"), new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Plots.traces("t", "uV", new double[3], new double[][] {new double[2]}, List.of("a")));
    assertThrows(IllegalArgumentException.class,
        () -> Plots.raster("r", List.of("a"), List.of()));
  }

  @Test
  void chartsRenderAsPngOfTheAskedSize() {
    JFreeChart chart = Plots.bars("RMS", "uV", List.of("ch0", "ch1"), new double[] {40, 55});
    byte[] png = ChartImages.png(chart, 300, 200);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
    assertEquals(300, ChartImages.image(chart, 300, 200).getWidth());
    assertEquals(200, ChartImages.image(chart, 300, 200).getHeight());
  }
}
