package org.lindi.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.LindiFile;
import org.lindi.spark.SharedSpark;
import org.lindi.zarr.DType;

/**
 * The four save modes of {@code df.write().format("lindi").mode(m).save(path)} (SPEC 7), on lindi1
 * and tar: ErrorIfExists fails only when the dataset exists, Ignore leaves it, Overwrite replaces
 * that dataset only, Append extends along axis 0 and overwrites the positions it is given.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SaveModeTest {
  private static final String DS = "processing/lfp/data";
  private static final String OTHER = "acquisition/raw";
  private static final DType F8 = DType.parse("<f8");

  @TempDir
  Path dir;
  private SparkSession spark;

  @BeforeEach
  void session() {
    spark = SharedSpark.session();
  }

  /** A file holding OTHER (rows 0..49, 2 columns, f8) and a root attribute. */
  private Path fileWithOther(String name) throws Exception {
    Path file = dir.resolve(name);
    write(0, 50, 2, SaveMode.ErrorIfExists, file, OTHER, "{\"keep\":1}");
    try (org.lindi.write.LindiWriter w = org.lindi.write.LindiWriter.openLocal(file,
        org.lindi.write.WriteOptions.defaults())) {
      w.setAttributes("", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"session\":\"s1\"}"));
    }
    return file;
  }

  private void write(long from, long to, int cols, SaveMode mode, Path file, String ds, String attrs) {
    var w = WriteFixtures.frame(spark, from, to, cols, DataTypes.DoubleType).write().format("lindi")
        .option("dataset", ds).option("chunks", "30").mode(mode);
    if (attrs != null) {
      w = w.option("attributes", attrs);
    }
    w.save(file.toString());
  }

  private void assertOtherUntouched(Path file) throws Exception {
    assertArrayEquals(WriteFixtures.expected(0, 50, 2, F8), WriteFixtures.read(file, OTHER));
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()),
        new org.apache.hadoop.conf.Configuration())) {
      assertEquals("s1", f.root().attributes().get("session").asText());
      assertEquals(1, f.array(OTHER).attributes().get("keep").asInt());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"m.lindi", "m.lindi.tar"})
  void errorIfExistsFailsOnlyWhenTheDatasetExists(String name) throws Exception {
    Path file = fileWithOther(name);
    write(0, 100, 3, SaveMode.ErrorIfExists, file, DS, null); // the file exists: fine
    assertArrayEquals(WriteFixtures.expected(0, 100, 3, F8), WriteFixtures.read(file, DS));
    byte[] before = Files.readAllBytes(file);
    Exception e = assertThrows(Exception.class, () -> write(0, 10, 3, SaveMode.ErrorIfExists, file, DS, null));
    assertTrue(causes(e, DatasetExistsException.class), e.toString());
    assertArrayEquals(before, Files.readAllBytes(file));
    // the default mode is ErrorIfExists
    assertThrows(Exception.class, () -> WriteFixtures.frame(spark, 0, 10, 3, DataTypes.DoubleType)
        .write().format("lindi").option("dataset", DS).save(file.toString()));
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"i.lindi", "i.lindi.tar"})
  void ignoreLeavesAnExistingDataset(String name) throws Exception {
    Path file = fileWithOther(name);
    write(0, 100, 3, SaveMode.Ignore, file, DS, null); // absent: written
    assertArrayEquals(WriteFixtures.expected(0, 100, 3, F8), WriteFixtures.read(file, DS));
    byte[] before = Files.readAllBytes(file);
    write(500, 600, 3, SaveMode.Ignore, file, DS, null);
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"o.lindi", "o.lindi.tar"})
  void overwriteReplacesThatDatasetOnly(String name) throws Exception {
    Path file = fileWithOther(name);
    write(0, 100, 3, SaveMode.Overwrite, file, DS, "{\"old\":true}");
    write(10, 40, 5, SaveMode.Overwrite, file, DS, null); // another shape, fewer rows
    assertArrayEquals(new long[] {40, 5}, WriteFixtures.shape(file, DS));
    byte[] got = WriteFixtures.read(file, DS);
    byte[] want = new byte[40 * 5 * 8]; // rows 0..9 never written: fill value 0
    System.arraycopy(WriteFixtures.expected(10, 40, 5, F8), 0, want, 10 * 5 * 8, 30 * 5 * 8);
    assertArrayEquals(want, got);
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()),
        new org.apache.hadoop.conf.Configuration())) {
      assertTrue(f.array(DS).attributes().isEmpty(), "the replaced dataset's attributes go with it");
    }
    assertOtherUntouched(file);
    WriteFixtures.assertZarrPythonReads(file, Map.of(DS, WriteFixtures.sha256(want),
        OTHER, WriteFixtures.sha256(WriteFixtures.expected(0, 50, 2, F8))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.lindi", "a.lindi.tar"})
  void appendExtendsAlongAxis0AndOverwritesGivenPositions(String name) throws Exception {
    Path file = fileWithOther(name);
    write(0, 100, 3, SaveMode.Append, file, DS, null); // absent: created
    write(100, 175, 3, SaveMode.Append, file, DS, null); // extends; chunk row 3 (90..119) merged
    assertArrayEquals(new long[] {175, 3}, WriteFixtures.shape(file, DS));
    assertArrayEquals(WriteFixtures.expected(0, 175, 3, F8), WriteFixtures.read(file, DS));

    // overwrite positions 40..44 and 61 (partial chunk rows, merged with the file's data) and
    // 150..179 (one whole chunk row 150..179, extending the array to 180) with negated values
    var negated = WriteFixtures.frame(spark, 40, 45, 3, DataTypes.DoubleType)
        .union(WriteFixtures.frame(spark, 61, 62, 3, DataTypes.DoubleType))
        .union(WriteFixtures.frame(spark, 150, 180, 3, DataTypes.DoubleType))
        .selectExpr("index", "transform(value, x -> -x) as value");
    negated.write().format("lindi").option("dataset", DS).mode(SaveMode.Append).save(file.toString());
    assertArrayEquals(new long[] {180, 3}, WriteFixtures.shape(file, DS));
    ByteBuffer want = ByteBuffer.allocate(180 * 3 * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 180; i++) {
      boolean neg = (i >= 40 && i < 45) || i == 61 || i >= 150;
      for (int j = 0; j < 3; j++) {
        want.putDouble(neg ? -WriteFixtures.element(i, j) : WriteFixtures.element(i, j));
      }
    }
    assertArrayEquals(want.array(), WriteFixtures.read(file, DS));
    assertOtherUntouched(file);
    WriteFixtures.assertZarrPythonReads(file, Map.of(DS, WriteFixtures.sha256(want.array())));
  }

  @Test
  void appendKeepsTheArraysDtypeAndRejectsAnotherShape() throws Exception {
    Path file = dir.resolve("dtype.lindi");
    WriteFixtures.frame(spark, 0, 20, 2, DataTypes.ShortType).write().format("lindi")
        .option("dataset", DS).save(file.toString());
    // LONG values appended to an i2 array are cast to SHORT
    WriteFixtures.frame(spark, 20, 40, 2, DataTypes.LongType).write().format("lindi")
        .option("dataset", DS).mode(SaveMode.Append).save(file.toString());
    assertArrayEquals(WriteFixtures.expected(0, 40, 2, DType.parse("<i2")), WriteFixtures.read(file, DS));
    byte[] before = Files.readAllBytes(file);
    assertThrows(Exception.class, () -> WriteFixtures.frame(spark, 40, 50, 3, DataTypes.ShortType)
        .write().format("lindi").option("dataset", DS).mode(SaveMode.Append).save(file.toString()));
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Overwrite", "Append"})
  void aGroupIsNeitherReplacedNorExtended(String mode) throws Exception {
    Path file = fileWithOther("g.lindi");
    byte[] before = Files.readAllBytes(file);
    Exception e = assertThrows(Exception.class, () -> write(0, 10, 2, SaveMode.valueOf(mode), file,
        "acquisition", null));
    assertTrue(rootMessage(e).contains("/acquisition is a group"), rootMessage(e));
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aDuplicateIndexFailsTheWrite() throws Exception {
    Path file = dir.resolve("dup.lindi");
    var twice = WriteFixtures.frame(spark, 0, 10, 0, DataTypes.IntegerType)
        .union(WriteFixtures.frame(spark, 5, 6, 0, DataTypes.IntegerType));
    Exception e = assertThrows(Exception.class, () -> twice.write().format("lindi")
        .option("dataset", DS).save(file.toString()));
    assertTrue(String.valueOf(rootMessage(e)).contains("index 5 appears twice"), rootMessage(e));
    assertTrue(Files.notExists(file));
    assertEquals(java.util.List.of(), WriteFixtures.leftovers(dir));
  }

  static boolean causes(Throwable t, Class<?> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  static String rootMessage(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append(" | ");
    }
    return sb.toString();
  }
}
