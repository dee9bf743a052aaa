package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.DataFrameReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.Fixtures;

/**
 * Clear errors: options that do not fit the dataset, missing files and datasets, refs the
 * safety policy refuses, and chunk failures on executors naming file, array, key and byte range.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ErrorsTest {
  private static DataFrameReader lindi() {
    return SharedSpark.session().read().format("lindi");
  }

  private static String messages(Exception e) {
    return Failures.messages(e);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"layout, table, not an NWB DynamicTable", "time, maybe, time must be true or false",
      "layout, cube, unknown layout",
      "maxPartitionBytes, lots, maxPartitionBytes"})
  void unsupportedOptionsAreRefused(String option, String value, String expected) {
    Exception e = assertThrows(Exception.class, () -> lindi().option("dataset", "acquisition/ephys/data")
        .option(option, value).load(Fixtures.uri("lindi1/ephys_int16_gzip.lindi")).collectAsList());
    assertTrue(messages(e).contains(expected), messages(e));
  }

  @Test
  void missingFileIsNamed() {
    String missing = Fixtures.uri("lindi1/no_such_file.lindi");
    Exception e = assertThrows(Exception.class, () -> lindi().load(missing).collectAsList());
    assertTrue(messages(e).contains("no_such_file.lindi"), messages(e));
  }

  @Test
  void missingDatasetIsNamedWithTheFile() {
    Exception e = assertThrows(Exception.class, () -> lindi().option("dataset", "/no/such/array")
        .load(Fixtures.uri("lindi1/ephys_int16_gzip.lindi")).collectAsList());
    assertTrue(messages(e).contains("no/such/array") && messages(e).contains("ephys_int16_gzip.lindi"), messages(e));
  }

  @Test
  void unopenableFileIsNamed() {
    Exception e = assertThrows(Exception.class, () -> lindi().option("dataset", "data")
        .load(Fixtures.uri("broken/truncated.lindi")).collectAsList());
    assertTrue(messages(e).contains("truncated.lindi"), messages(e));
  }

  @Test
  void chunkFailuresNameFileArrayKeyAndRange() {
    Exception codec = assertThrows(Exception.class, () -> lindi().option("dataset", "x")
        .load(Fixtures.uri("broken/garbage_chunk.lindi.json")).collectAsList());
    String m = messages(codec);
    assertTrue(m.contains("garbage_chunk.lindi.json") && m.contains("array=x") && m.contains("key=x/1"), m);
    Exception range = assertThrows(Exception.class, () -> lindi().option("dataset", "x")
        .load(Fixtures.uri("broken/offset_past_eof.lindi.json")).collectAsList());
    m = messages(range);
    assertTrue(m.contains("offset_past_eof.lindi.json") && m.contains("key=x/2")
        && m.contains("offset_past_eof.chunks.bin") && m.contains("5296"), m);
  }

  @Test
  void refsOutsideTheFilesFolderNeedAllowedLocations(@TempDir Path tmp) throws Exception {
    Path files = Files.createDirectories(tmp.resolve("lindi"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    TinyLindi.writeValues(elsewhere.resolve("x.bin"), 3, 2);
    TinyLindi.withRef(files, "t.lindi.json", 3, 2, elsewhere.resolve("x.bin").toUri().toString());
    String path = files.resolve("t.lindi.json").toUri().toString();
    Exception e = assertThrows(Exception.class, () -> lindi().option("dataset", "x").load(path).collectAsList());
    assertTrue(messages(e).contains("t.lindi.json") && messages(e).contains("x.bin"), messages(e));
    long n = lindi().option("dataset", "x").option("allowedLocations", elsewhere.toUri().toString())
        .load(path).where("index = 2").first().getList(1).size();
    assertEquals(2, n);
  }
}
