package org.lindi.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts an ephys notebook needs (stacked traces, spike rasters, a value per channel) as JFreeChart
 * charts; a cell ending with one shows it as a PNG.
 */
public final class Plots {

  /** Most points drawn per trace: more cannot be seen at notebook width and bloat the PNG. */
  static final int MAX_POINTS = 4000;

  /** Dark, distinct colours that read well on white (JFreeChart's defaults include yellow). */
  private static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
      new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xff7f0e)};

  private Plots() {}

  /**
   * Traces stacked top to bottom (the first on top), each scaled by one common factor so that they do
   * not overlap: the usual view of a few channels of a recording. The y axis names the traces; its
   * label gives the value one row spans.
   *
   * @param unit the unit of the values, e.g. {@code "uV"}
   * @param time the x value of every sample, in seconds
   * @param traces one array of {@code time.length} values per trace
   * @param labels one label per trace
   */
  public static JFreeChart traces(String title, String unit, double[] time, double[][] traces, List<String> labels) {
    if (traces.length != labels.size()) {
      throw new IllegalArgumentException(traces.length + " traces but " + labels.size() + " labels");
    }
    double span = 0;
    for (double[] trace : traces) {
      if (trace.length != time.length) {
        throw new IllegalArgumentException("a trace has " + trace.length + " values for " + time.length + " times");
      }
      span = Math.max(span, peakToPeak(trace));
    }
    span = span == 0 ? 1 : span * 1.1;
    int rows = traces.length;
    XYSeriesCollection data = new XYSeriesCollection();
    int step = Math.max(1, 2 * time.length / MAX_POINTS);
    for (int t = 0; t < rows; t++) {
      double mean = mean(traces[t]);
      XYSeries series = new XYSeries(labels.get(t), false, true);
      double base = rows - 1 - t;
      for (int start = 0; start < time.length; start += step) {
        // the extremes of each bucket, in time order: thinning must not drop a spike
        int end = Math.min(time.length, start + step);
        int lo = start;
        int hi = start;
        for (int i = start; i < end; i++) {
          lo = traces[t][i] < traces[t][lo] ? i : lo;
          hi = traces[t][i] > traces[t][hi] ? i : hi;
        }
        for (int i : lo == hi ? new int[] {lo} : new int[] {Math.min(lo, hi), Math.max(lo, hi)}) {
          series.add(time[i], base + (traces[t][i] - mean) / span, false);
        }
      }
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, "time (s)",
        String.format(Locale.ROOT, "one row = %.3g %s", span, unit), data,
        PlotOrientation.VERTICAL, false, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setRangeAxis(rowAxis(plot.getRangeAxis().getLabel(), labels));
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    for (int t = 0; t < rows; t++) {
      renderer.setSeriesStroke(t, new BasicStroke(0.8f));
      renderer.setSeriesPaint(t, PALETTE[t % PALETTE.length]);
    }
    style(plot);
    return chart;
  }

  /**
   * A spike raster: one row per unit, a short vertical tick at each spike time.
   *
   * @param labels one label per unit (the y axis, top row first)
   * @param spikeTimes one array of spike times (seconds) per unit
   */
  public static JFreeChart raster(String title, List<String> labels, List<double[]> spikeTimes) {
    if (labels.size() != spikeTimes.size()) {
      throw new IllegalArgumentException(spikeTimes.size() + " spike trains but " + labels.size() + " labels");
    }
    int rows = labels.size();
    XYSeriesCollection data = new XYSeriesCollection();
    for (int u = 0; u < rows; u++) {
      XYSeries series = new XYSeries(labels.get(u), false, true);
      for (double t : spikeTimes.get(u)) {
        series.add(t, rows - 1 - u, false);
      }
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createScatterPlot(title, "time (s)", null, data,
        PlotOrientation.VERTICAL, false, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setRangeAxis(rowAxis(null, labels));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int u = 0; u < rows; u++) {
      renderer.setSeriesPaint(u, PALETTE[u % PALETTE.length]);
      renderer.setSeriesShape(u, new Line2D.Double(0, -6, 0, 6));
      renderer.setSeriesStroke(u, new BasicStroke(1.2f));
      renderer.setSeriesShapesFilled(u, false);
    }
    renderer.setUseOutlinePaint(false);
    renderer.setDrawOutlines(true);
    plot.setRenderer(renderer);
    style(plot);
    return chart;
  }

  /** One bar per category, e.g. the RMS of each channel. */
  public static JFreeChart bars(String title, String valueLabel, List<String> categories, double[] values) {
    if (categories.size() != values.length) {
      throw new IllegalArgumentException(values.length + " values but " + categories.size() + " categories");
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < values.length; i++) {
      data.addValue(values[i], valueLabel, categories.get(i));
    }
    JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, data,
        PlotOrientation.VERTICAL, false, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setSeriesPaint(0, PALETTE[0]);
    renderer.setShadowVisible(false);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    return chart;
  }

  /** A y axis with one named row per label, the first label on top. */
  private static SymbolAxis rowAxis(String label, List<String> labels) {
    int rows = labels.size();
    String[] ticks = new String[rows];
    for (int r = 0; r < rows; r++) {
      ticks[rows - 1 - r] = labels.get(r);
    }
    SymbolAxis axis = new SymbolAxis(label, ticks);
    axis.setGridBandsVisible(false);
    axis.setRange(-0.7, rows - 0.3);
    return axis;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinesVisible(false);
  }

  private static double peakToPeak(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return values.length == 0 ? 0 : max - min;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }
}
