package org.lindi.spark.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A low-passed, decimated copy of a 2-D int16 recording as the rows the lindi writer takes
 * ({@code index} LONG, {@code value} ARRAY<FLOAT>): row {@code i} is the mean of input rows
 * {@code [i * factor, (i + 1) * factor)} per channel, in microvolts; a last incomplete window is
 * dropped. Computed chunk by chunk from the {@code chunks} layout, so chunk rows must be a multiple
 * of the factor (every window then lies inside one chunk).
 */
final class LfpDownsample {
  static final StructType SCHEMA = new StructType()
      .add("index", DataTypes.LongType, false)
      .add("value", DataTypes.createArrayType(DataTypes.FloatType, false), false);

  private LfpDownsample() {}

  static Dataset<Row> of(SparkSession spark, RecordingChunks chunks, int channels, int chunkRows, int factor,
      double microvoltsPerCount) {
    if (chunkRows % factor != 0) {
      throw new IllegalArgumentException("chunks of " + chunkRows + " rows are not a multiple of the decimation factor "
          + factor);
    }
    return spark.createDataFrame(chunks.blocks().mapPartitions(new Windows(channels, factor, microvoltsPerCount)),
        SCHEMA);
  }

  /** The windows of one partition's chunks. */
  static final class Windows implements FlatMapFunction<Iterator<ChunkBlock>, Row> {
    private static final long serialVersionUID = 1L;
    private final int channels;
    private final int factor;
    private final double scale;

    Windows(int channels, int factor, double microvoltsPerCount) {
      this.channels = channels;
      this.factor = factor;
      this.scale = microvoltsPerCount;
    }

    @Override
    public Iterator<Row> call(Iterator<ChunkBlock> rows) {
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        ChunkBlock b = rows.next();
        for (int w = 0; (w + 1) * factor <= b.rows; w++) {
          double[] sum = new double[channels];
          for (int r = w * factor; r < (w + 1) * factor; r++) {
            int base = r * channels;
            for (int c = 0; c < channels; c++) {
              sum[c] += b.values[base + c];
            }
          }
          float[] v = new float[channels];
          for (int c = 0; c < channels; c++) {
            v[c] = (float) (sum[c] / factor * scale);
          }
          out.add(RowFactory.create(b.start / factor + w, v));
        }
      }
      return out.iterator();
    }
  }
}
