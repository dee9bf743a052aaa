package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.Fixtures;

/**
 * Several files (several paths, globs) give the union of the same dataset with the hidden
 * {@code _file} column; files whose dataset differs in dtype or in shape beyond axis 0 fail with an
 * error naming both; tables work from SQL.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultiFileTest {
  private static final String DATA = "acquisition/ElectricalSeries/data";
  private static final String JSON = "nwb/ephys_session.lindi.json";
  private static final String TAR = "nwb/ephys_session.lindi.tar";

  private static SparkSession spark() {
    return SharedSpark.session();
  }

  @Test
  void severalPathsGiveTheUnionWithFile() {
    Dataset<Row> both = spark().read().format("lindi").option("dataset", DATA)
        .load(Fixtures.uri(JSON), Fixtures.uri(TAR));
    assertEquals(40000, both.count());
    List<Row> perFile = both.groupBy("_file").count().orderBy("_file").collectAsList();
    assertEquals(2, perFile.size());
    assertTrue(perFile.get(0).getString(0).endsWith("ephys_session.lindi.json"), perFile.toString());
    assertTrue(perFile.get(1).getString(0).endsWith("ephys_session.lindi.tar"), perFile.toString());
    assertEquals(20000L, perFile.get(0).getLong(1));
    assertEquals(20000L, perFile.get(1).getLong(1));
    List<Row> fromTar = both.where("_file LIKE '%.tar' AND index < 3").select("index", "value").collectAsList();
    List<Row> tarAlone = spark().read().format("lindi").option("dataset", DATA).load(Fixtures.uri(TAR))
        .where("index < 3").collectAsList();
    assertEquals(tarAlone, fromTar);
    assertTrue(ScanProbe.of(both.groupBy("_file").count()).scan().description().contains("files=2"));
  }

  @Test
  void globsExpandToEveryMatchingFile() {
    Dataset<Row> df = spark().read().format("lindi").option("dataset", "grp/gzip_i2")
        .load(Fixtures.dir().resolve("native").toUri() + "native*.lindi.tar");
    List<Row> files = df.select("_file").distinct().orderBy("_file").collectAsList();
    assertEquals(2, files.size(), files.toString());
    assertTrue(files.get(0).getString(0).endsWith("native.lindi.tar"));
    assertTrue(files.get(1).getString(0).endsWith("native_grown.lindi.tar"));
    assertEquals(40000, df.count());
  }

  @Test
  void catalogOfSeveralFilesHasFile() {
    Dataset<Row> df = spark().read().format("lindi").load(Fixtures.uri(JSON), Fixtures.uri(TAR));
    List<Row> rows = df.where("path = ''").select("_file").orderBy("_file").collectAsList();
    assertEquals(2, rows.size(), "each file's root group");
  }

  @Test
  void differentDtypesFailNamingBothFiles() {
    Dataset<Row> df = spark().read().format("lindi").option("dataset", "acquisition/ephys/data")
        .load(Fixtures.uri("lindi1/ephys_int16_gzip.lindi"), Fixtures.uri("h5conv/sample.lindi.json"));
    Exception e = assertThrows(Exception.class, df::collectAsList);
    String m = Failures.messages(e);
    assertTrue(m.contains("ephys_int16_gzip.lindi") && m.contains("sample.lindi.json") && m.contains("dtype"), m);
  }

  @Test
  void differentShapesBeyondAxisZeroFailNamingBothFiles(@TempDir Path dir) throws Exception {
    TinyLindi.inline(dir, "a.lindi.json", 4, 2);
    TinyLindi.inline(dir, "b.lindi.json", 4, 3);
    Dataset<Row> df = spark().read().format("lindi").option("dataset", "x")
        .load(dir.resolve("a.lindi.json").toUri().toString(), dir.resolve("b.lindi.json").toUri().toString());
    Exception e = assertThrows(Exception.class, df::collectAsList);
    String m = Failures.messages(e);
    assertTrue(m.contains("a.lindi.json") && m.contains("b.lindi.json") && m.contains("shape"), m);
  }

  @Test
  void differentLengthsAlongAxisZeroAreFine(@TempDir Path dir) throws Exception {
    TinyLindi.inline(dir, "a.lindi.json", 4, 2);
    TinyLindi.inline(dir, "b.lindi.json", 7, 2);
    Dataset<Row> df = spark().read().format("lindi").option("dataset", "x")
        .load(dir.toUri() + "*.lindi.json");
    assertEquals(11, df.count());
    Row last = df.where("_file LIKE '%b.lindi.json' AND index = 6").first();
    assertEquals(List.of((short) 600, (short) 601), last.getList(1));
  }

  @Test
  void sqlCreateTableUsingLindi() {
    String path = Fixtures.uri(TAR);
    spark().sql("DROP TABLE IF EXISTS ephys");
    spark().sql("CREATE TABLE ephys USING lindi OPTIONS (path '" + path + "', dataset '" + DATA + "')");
    try {
      Row r = spark().sql("SELECT count(*), min(index), max(index) FROM ephys").first();
      assertEquals(20000L, r.getLong(0));
      assertEquals(0L, r.getLong(1));
      assertEquals(19999L, r.getLong(2));
      Row viaSql = spark().sql("SELECT value FROM ephys WHERE index = 12345").first();
      Row viaApi = spark().read().format("lindi").option("dataset", DATA).load(path)
          .where("index = 12345").select("value").first();
      assertEquals(viaApi, viaSql);
      assertEquals(List.of("index", "value"), List.of(spark().table("ephys").schema().fieldNames()));
    } finally {
      spark().sql("DROP TABLE IF EXISTS ephys");
    }
    spark().sql("CREATE TEMPORARY VIEW nodes USING lindi OPTIONS (path '" + path + "')");
    assertTrue(spark().sql("SELECT count(*) FROM nodes WHERE kind = 'array'").first().getLong(0) >= 19);
  }
}
