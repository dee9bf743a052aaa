package org.lindi.spark.write;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.Fixtures;
import org.lindi.spark.SharedSpark;

/**
 * A write whose job fails part way (a UDF throws for some rows, or two rows share an index, which
 * fails encode tasks while others have staged their chunks) leaves the target byte-identical, or
 * absent when it did not exist, and no staging files.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FailedWriteTest {
  @TempDir
  Path dir;

  /** Throws for index 7777 and above. */
  private static final UserDefinedFunction FAILING = udf((UDF1<Long, Double>) i -> {
    if (i >= 7777) {
      throw new IllegalStateException("boom at " + i);
    }
    return i * 0.5;
  }, DataTypes.DoubleType);

  private static Dataset<Row> failing(SparkSession spark) {
    return spark.range(0, 10000, 1, 4).select(col("id").as("index"), FAILING.apply(col("id")).as("value"));
  }

  private static Dataset<Row> duplicated(SparkSession spark) {
    Dataset<Row> a = spark.range(0, 10000, 1, 4).selectExpr("id as index", "id * 0.5 as value");
    return a.union(spark.range(9000, 9001).selectExpr("id as index", "0.0 as value"));
  }

  @ParameterizedTest
  @CsvSource({"udf, lindi1/ephys_int16_gzip.lindi, f.lindi", "udf, native/native.lindi.tar, f.lindi.tar",
      "duplicate, lindi1/ephys_int16_gzip.lindi, f.lindi", "duplicate, native/native.lindi.tar, f.lindi.tar",
      "udf, , new.lindi", "duplicate, , new.lindi.tar"})
  void aFailedJobLeavesTheFileAsItWas(String failure, String fixture, String name) throws Exception {
    SparkSession spark = SharedSpark.session();
    Path file = dir.resolve(name);
    byte[] before = null;
    if (fixture != null) {
      Files.copy(Fixtures.file(fixture), file);
      before = Files.readAllBytes(file);
    }
    Dataset<Row> input = failure.equals("udf") ? failing(spark) : duplicated(spark);
    for (SaveMode mode : new SaveMode[] {SaveMode.Append, SaveMode.Overwrite}) {
      Exception e = assertThrows(Exception.class, () -> input.write().format("lindi")
          .option("dataset", "processing/derived").option("chunks", "1000").mode(mode)
          .save(file.toString()));
      String msg = SaveModeTest.rootMessage(e);
      assertTrue(msg.contains(failure.equals("udf") ? "boom at" : "appears twice"), msg);
      Thread.sleep(300); // tasks cancelled with the job stop writing
      if (before == null) {
        assertTrue(Files.notExists(file), "a failed write created " + file);
      } else {
        assertArrayEquals(before, Files.readAllBytes(file), "file changed by a failed " + mode);
      }
      assertEquals(List.of(), WriteFixtures.leftovers(dir));
    }
  }
}
