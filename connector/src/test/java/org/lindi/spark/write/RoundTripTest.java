package org.lindi.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.spark.SharedSpark;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/**
 * What {@code df.write().format("lindi")} writes reads back to the same values through the read
 * connector, through {@link org.lindi.LindiFile}, and through zarr-python: 1-D and 2-D, every
 * writable Spark type, an edge chunk, lindi1 and tar.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RoundTripTest {
  @TempDir
  Path dir;

  static Stream<Arguments> cases() {
    Object[][] types = {
        {DataTypes.BooleanType, "|b1"}, {DataTypes.ByteType, "|i1"}, {DataTypes.ShortType, "<i2"},
        {DataTypes.IntegerType, "<i4"}, {DataTypes.LongType, "<i8"}, {DataTypes.FloatType, "<f4"},
        {DataTypes.DoubleType, "<f8"}};
    Stream.Builder<Arguments> b = Stream.builder();
    int i = 0;
    for (Object[] t : types) {
      for (int cols : new int[] {0, 3}) {
        b.add(Arguments.of(t[0], t[1], cols, i++ % 2 == 0 ? "rt.lindi" : "rt.lindi.tar"));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{1} cols={2} {3}")
  @MethodSource("cases")
  void writtenValuesReadBack(DataType type, String dtype, int cols, String name) throws Exception {
    SparkSession spark = SharedSpark.session();
    Path file = dir.resolve(name);
    long rows = 1000; // chunks of 300: the last chunk is an edge chunk of 100 rows
    WriteFixtures.frame(spark, 0, rows, cols, type).write().format("lindi")
        .option("dataset", "processing/x/data").option("chunks", "300").save(file.toString());

    DType dt = DType.parse(dtype);
    byte[] expected = WriteFixtures.expected(0, rows, cols, dt);
    assertArrayEquals(expected, WriteFixtures.read(file, "processing/x/data"), "LindiFile");
    assertArrayEquals(cols == 0 ? new long[] {rows} : new long[] {rows, cols},
        WriteFixtures.shape(file, "processing/x/data"));

    List<Row> back = spark.read().format("lindi").option("dataset", "processing/x/data")
        .load(file.toString()).orderBy("index").collectAsList();
    assertEquals(rows, back.size());
    for (int i = 0; i < rows; i++) {
      Row r = back.get(i);
      assertEquals(i, r.getLong(0));
      if (cols == 0) {
        assertElement(i, 0, r.get(1), dtype);
      } else {
        List<Object> list = r.getList(1);
        assertEquals(cols, list.size());
        for (int j = 0; j < cols; j++) {
          assertElement(i, j, list.get(j), dtype);
        }
      }
    }
    WriteFixtures.assertZarrPythonReads(file, Map.of("processing/x/data", WriteFixtures.sha256(expected)));
  }

  private static void assertElement(long i, int j, Object got, String dtype) {
    long v = WriteFixtures.element(i, j);
    if (dtype.equals("|b1")) {
      assertEquals(v > 0, got, "element " + i + "," + j);
    } else {
      assertEquals(v, ((Number) got).doubleValue(), 0.0, "element " + i + "," + j);
    }
  }

  @Test
  void optionsSetChunksCodecsFillValueAndAttributes() throws Exception {
    SparkSession spark = SharedSpark.session();
    Path file = dir.resolve("opts.lindi");
    // rows 0..99 and 200..249: 100..199 are never written and read as the fill value
    WriteFixtures.frame(spark, 0, 100, 4, DataTypes.DoubleType)
        .union(WriteFixtures.frame(spark, 200, 250, 4, DataTypes.DoubleType))
        .write().format("lindi").option("dataset", "/a/b").option("chunks", "64,2")
        .option("compressor", "{\"id\":\"zstd\",\"level\":3}")
        .option("filters", "[{\"id\":\"shuffle\",\"elementsize\":8}]")
        .option("fill_value", "NaN").option("attributes", "{\"unit\":\"uV\",\"rate\":1000.0}")
        .save(file.toString());
    try (org.lindi.LindiFile f = org.lindi.LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()),
        new org.apache.hadoop.conf.Configuration())) {
      ArrayMetadata m = f.array("a/b").metadata();
      assertArrayEquals(new long[] {250, 4}, m.shape());
      assertArrayEquals(new int[] {64, 2}, m.chunks());
      assertEquals("zstd", m.compressor().get("id").asText());
      assertEquals("shuffle", m.filters().get(0).get("id").asText());
      assertEquals("uV", f.array("a/b").attributes().get("unit").asText());
      double[] all = f.array("a/b").read().toDoubleArray();
      for (int i = 0; i < 250; i++) {
        for (int j = 0; j < 4; j++) {
          double v = all[i * 4 + j];
          if (i >= 100 && i < 200) {
            assertTrue(Double.isNaN(v), "fill at " + i);
          } else {
            assertEquals(WriteFixtures.element(i, j), v, 0.0, "element " + i + "," + j);
          }
        }
      }
    }
    byte[] bytes = WriteFixtures.read(file, "a/b");
    WriteFixtures.assertZarrPythonReads(file, Map.of("a/b", WriteFixtures.sha256(bytes)));
  }
}
