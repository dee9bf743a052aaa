package org.lindi.spark.cli;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Per-channel RMS, robust noise level and threshold-crossing counts of a 2-D int16 array (samples x
 * channels), from its rows of chunks ({@link RecordingChunks}): pass 1 gathers, per partition, the
 * histogram of {@code |high-passed value|} and the sum of squares of every position a chunk decides
 * alone, plus each chunk's edge rows; pass 2 counts crossings of {@code -k * sigma} the same way. The
 * driver scans the few positions around each chunk boundary from the edge rows, so the result is
 * exactly that of one scan over the whole recording (see {@link HighPassScan}).
 */
final class ChannelActivity {
  private final RecordingChunks chunks;
  private final String dataset;
  private final long total;
  private final int channels;
  private List<ChunkEdges> edges;

  ChannelActivity(RecordingChunks chunks, String dataset, long total, int channels, int chunkRows) {
    if (chunkRows < 2 * HighPassScan.REACH && chunkRows < total) {
      throw new IllegalArgumentException("/" + dataset + " has chunks of " + chunkRows + " rows; the scan needs at least "
          + 2 * HighPassScan.REACH);
    }
    this.chunks = chunks;
    this.dataset = dataset;
    this.total = total;
    this.channels = channels;
  }

  /** Noise levels per channel, in counts. */
  static final class Noise implements Serializable {
    private static final long serialVersionUID = 1L;
    final double[] rms;
    final double[] sigma;

    Noise(double[] rms, double[] sigma) {
      this.rms = rms;
      this.sigma = sigma;
    }
  }

  /** Pass 1: the RMS of the raw samples and {@code median(|high-passed|) / 0.6745} of every channel. */
  Noise noise() {
    List<PartitionNoise> parts = chunks().mapPartitions(new NoisePass(channels, total)).collect();
    NoiseHistogram hist = new NoiseHistogram(channels);
    double[] sumSquares = new double[channels];
    List<ChunkEdges> all = new ArrayList<>();
    for (PartitionNoise p : parts) {
      hist.merge(p.hist);
      for (int c = 0; c < channels; c++) {
        sumSquares[c] += p.sumSquares[c];
      }
      all.addAll(p.edges);
    }
    all.sort(Comparator.comparingLong(ChunkEdges::start));
    edges = all;
    HighPassScan scan = new HighPassScan(channels, total);
    forEachBoundary((buf, bufStart, rows, e) -> scan.scan(buf, bufStart, rows, e - HighPassScan.HALF_WIDTH,
        Math.min(total, e + HighPassScan.HALF_WIDTH), hist, sumSquares, 0, 0, null, null));
    double[] rms = new double[channels];
    double[] sigma = new double[channels];
    for (int c = 0; c < channels; c++) {
      rms[c] = Math.sqrt(sumSquares[c] / total);
      sigma[c] = hist.sigma(c);
    }
    return new Noise(rms, sigma);
  }

  /** Pass 2 (after {@link #noise()}): crossings of {@code -thresholds[c]} (counts) per channel. */
  long[] crossings(double[] thresholds) {
    if (edges == null) {
      throw new IllegalStateException("crossings need the chunk edges of noise() first");
    }
    List<long[]> parts = chunks().mapPartitions(new CrossingPass(channels, total, thresholds)).collect();
    long[] counts = new long[channels];
    for (long[] p : parts) {
      for (int c = 0; c < channels; c++) {
        counts[c] += p[c];
      }
    }
    HighPassScan scan = new HighPassScan(channels, total);
    forEachBoundary((buf, bufStart, rows, e) -> scan.scan(buf, bufStart, rows, 0, 0, null, null,
        e - HighPassScan.HALF_WIDTH, Math.min(total, e + HighPassScan.DEAD_TIME + HighPassScan.HALF_WIDTH),
        thresholds, counts));
    return counts;
  }

  /** Number of chunk rows read. */
  int chunkCount() {
    return edges == null ? 0 : edges.size();
  }

  private JavaRDD<ChunkBlock> chunks() {
    return chunks.blocks();
  }

  private interface BoundaryScan {
    void scan(short[] buf, long bufStart, int rows, long boundary);
  }

  /** Calls {@code f} with the tail of each chunk and the head of the next, joined. */
  private void forEachBoundary(BoundaryScan f) {
    for (int i = 1; i < edges.size(); i++) {
      ChunkEdges before = edges.get(i - 1);
      ChunkEdges after = edges.get(i);
      if (before.end() != after.start()) {
        throw new IllegalStateException("chunks of /" + dataset + " are not contiguous: rows " + before.end() + " and "
            + after.start());
      }
      short[] tail = before.tail();
      short[] head = after.head();
      short[] buf = new short[tail.length + head.length];
      System.arraycopy(tail, 0, buf, 0, tail.length);
      System.arraycopy(head, 0, buf, tail.length, head.length);
      int tailRows = tail.length / channels;
      f.scan(buf, after.start() - tailRows, buf.length / channels, after.start());
    }
    if (!edges.isEmpty() && (edges.get(0).start() != 0 || edges.get(edges.size() - 1).end() != total)) {
      throw new IllegalStateException("chunks of /" + dataset + " cover rows [" + edges.get(0).start() + ", "
          + edges.get(edges.size() - 1).end() + "), not [0, " + total + ")");
    }
  }

  /** Own positions of a chunk: those whose whole window lies inside it (or is cut by the recording's ends). */
  static long ownFrom(long start, int reachBefore) {
    return start == 0 ? 0 : start + reachBefore;
  }

  static long ownTo(long end, long total) {
    return end == total ? total : end - HighPassScan.HALF_WIDTH;
  }

  /** What one partition of pass 1 gives the driver. */
  static final class PartitionNoise implements Serializable {
    private static final long serialVersionUID = 1L;
    final NoiseHistogram hist;
    final double[] sumSquares;
    final List<ChunkEdges> edges;

    PartitionNoise(NoiseHistogram hist, double[] sumSquares, List<ChunkEdges> edges) {
      this.hist = hist;
      this.sumSquares = sumSquares;
      this.edges = edges;
    }
  }

  /** Pass 1 over one partition. */
  static final class NoisePass implements FlatMapFunction<Iterator<ChunkBlock>, PartitionNoise> {
    private static final long serialVersionUID = 1L;
    private final int channels;
    private final long total;

    NoisePass(int channels, long total) {
      this.channels = channels;
      this.total = total;
    }

    @Override
    public Iterator<PartitionNoise> call(Iterator<ChunkBlock> rows) {
      NoiseHistogram hist = new NoiseHistogram(channels);
      double[] sumSquares = new double[channels];
      List<ChunkEdges> edges = new ArrayList<>();
      HighPassScan scan = new HighPassScan(channels, total);
      while (rows.hasNext()) {
        ChunkBlock b = rows.next();
        long from = ownFrom(b.start, HighPassScan.HALF_WIDTH);
        long to = ownTo(b.end(), total);
        scan.scan(b.values, b.start, b.rows, from, Math.max(from, to), hist, sumSquares, 0, 0, null, null);
        edges.add(ChunkEdges.of(b.start, b.rows, channels, b.values));
      }
      return List.of(new PartitionNoise(hist, sumSquares, edges)).iterator();
    }
  }

  /** Pass 2 over one partition. */
  static final class CrossingPass implements FlatMapFunction<Iterator<ChunkBlock>, long[]> {
    private static final long serialVersionUID = 1L;
    private final int channels;
    private final long total;
    private final double[] thresholds;

    CrossingPass(int channels, long total, double[] thresholds) {
      this.channels = channels;
      this.total = total;
      this.thresholds = thresholds.clone();
    }

    @Override
    public Iterator<long[]> call(Iterator<ChunkBlock> rows) {
      long[] counts = new long[channels];
      HighPassScan scan = new HighPassScan(channels, total);
      while (rows.hasNext()) {
        ChunkBlock b = rows.next();
        long from = ownFrom(b.start, HighPassScan.DEAD_TIME + HighPassScan.HALF_WIDTH);
        long to = ownTo(b.end(), total);
        scan.scan(b.values, b.start, b.rows, 0, 0, null, null, from, Math.max(from, to), thresholds, counts);
      }
      return List.<long[]>of(counts).iterator();
    }
  }
}
