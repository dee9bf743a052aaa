package org.lindi.spark.write;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.Fixtures;
import org.lindi.spark.SharedSpark;

/**
 * The README's use: read an ephys array of a file LINDI's Python wrote, compute a downsampled LFP
 * with Spark, append it to the same file. The new array reads back (LindiFile, zarr-python) to the
 * mean of each window, and every array the file had still matches the manifest's sha256.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AppendToFixtureTest {
  private static final int FACTOR = 10;
  private static final String LFP = "processing/ecephys/LFP/data";

  @TempDir
  Path dir;

  /** Window means of {@code source}, per column, as FLOAT: the rows layout in, the rows layout out. */
  static Dataset<Row> downsample(Dataset<Row> source, int factor) {
    return source.select(expr("index div " + factor).as("index"), posexplode(col("value")))
        .groupBy("index", "pos").agg(avg("col").as("v"))
        .groupBy("index").agg(sort_array(collect_list(struct("pos", "v"))).as("s"))
        .select(col("index"), col("s.v").cast("array<float>").as("value"));
  }

  @ParameterizedTest
  @CsvSource({"lindi1/ephys_int16_gzip.lindi, acquisition/ephys/data, copy.lindi",
      "native/native.lindi.tar, grp/blosc_f4, copy.lindi.tar"})
  void downsampledLfpAppendedToTheSameFile(String fixture, String source, String name) throws Exception {
    Path file = dir.resolve(name);
    Files.copy(Fixtures.file(fixture), file);
    SparkSession spark = SharedSpark.session();
    Dataset<Row> raw = spark.read().format("lindi").option("dataset", source).load(file.toString());
    downsample(raw, FACTOR).write().format("lindi").option("dataset", LFP)
        .option("attributes", "{\"source\":\"/" + source + "\",\"factor\":" + FACTOR + "}")
        .mode(SaveMode.Append).save(file.toString());

    byte[] expected;
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())) {
      LindiArray src = f.array(source);
      long rows = src.shape()[0];
      int cols = (int) src.shape()[1];
      double[] v = src.read().toDoubleArray();
      long out = (rows + FACTOR - 1) / FACTOR;
      ByteBuffer b = ByteBuffer.allocate((int) (out * cols * 4)).order(ByteOrder.LITTLE_ENDIAN);
      for (long w = 0; w < out; w++) {
        for (int c = 0; c < cols; c++) {
          double sum = 0;
          int n = 0;
          for (long r = w * FACTOR; r < Math.min(rows, (w + 1) * FACTOR); r++, n++) {
            sum += v[(int) (r * cols + c)];
          }
          b.putFloat((float) (sum / n));
        }
      }
      expected = b.array();
      assertArrayEquals(new long[] {out, cols}, f.array(LFP).shape());
      assertEquals(FACTOR, f.array(LFP).attributes().get("factor").asInt());
      for (JsonNode a : Fixtures.fileEntry(fixture).get("arrays")) {
        if (a.has("sha256") && !a.get("dtype").asText().contains("O")) {
          String p = a.get("path").asText();
          assertEquals(a.get("sha256").asText(), WriteFixtures.sha256(f.array(p).read().bytes()),
              "unchanged " + p);
        }
      }
    }
    assertArrayEquals(expected, WriteFixtures.read(file, LFP));
    WriteFixtures.assertZarrPythonReads(file, Map.of(LFP, WriteFixtures.sha256(expected)));
  }
}
