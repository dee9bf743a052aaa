package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.Fixtures;
import org.lindi.spark.read.ArrayPartition;
import org.lindi.spark.read.ReadMetrics;

/**
 * Predicates on {@code index} prune whole rows of chunks before planning and are exact at chunk
 * edges; only required columns are decoded; LIMIT reads fewer chunks; the scan reports statistics
 * and describes what was pushed. Data: NWB ElectricalSeries int16 [20000, 32], chunks [5000, 32]
 * (4 rows of chunks), and an f4 [1000, 50] array with chunks [300, 32] (2 chunks per row).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PushdownTest {
  private static final String EPHYS = "nwb/ephys_session.lindi.tar";
  private static final String EPHYS_DATA = "acquisition/ElectricalSeries/data";
  private static final String WIDE = "h5conv/sample.lindi.json";
  private static final String WIDE_DATA = "acquisition/ephys/data";
  private static List<Row> ephys;
  private static List<Row> wide;

  static Dataset<Row> read(String file, String dataset) {
    return SharedSpark.session().read().format("lindi").option("dataset", dataset)
        .option("maxPartitionBytes", "0").load(Fixtures.uri(file));
  }

  @BeforeAll
  static void readWhole() {
    ephys = read(EPHYS, EPHYS_DATA).collectAsList();
    wide = read(WIDE, WIDE_DATA).collectAsList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "index >= 4990 AND index < 5010; 4990; 5010; 2",
      "index BETWEEN 5000 AND 9999; 5000; 10000; 1",
      "index > 4999 AND index <= 5000; 5000; 5001; 1",
      "index = 19999; 19999; 20000; 1",
      "index < 3; 0; 3; 1",
      "index >= 19998; 19998; 20000; 1",
      "index >= 20000; 0; 0; 0",
  })
  void windowReadsOnlyItsRowsOfChunks(String where, long from, long to, int chunks) {
    Dataset<Row> df = read(EPHYS, EPHYS_DATA).where(where);
    List<Row> rows = df.collectAsList();
    assertEquals(ephys.subList((int) from, (int) to), rows, "exact rows for " + where);
    ScanProbe probe = ScanProbe.of(df);
    assertEquals(chunks, probe.scan().plan().chunkCount(), "chunks planned");
    assertEquals(chunks, probe.partitions(), "one row of chunks per partition (maxPartitionBytes=0)");
    assertEquals(chunks, probe.metric(ReadMetrics.CHUNKS_READ), "chunks read");
    assertTrue(probe.scan().description().contains("index="), probe.scan().description());
  }

  @Test
  void inAndOrSelectSeveralRanges() {
    Dataset<Row> df = read(EPHYS, EPHYS_DATA).where("index IN (7, 12001) OR (index >= 17000 AND index < 17002)");
    List<Row> rows = df.collectAsList();
    assertEquals(List.of(ephys.get(7), ephys.get(12001), ephys.get(17000), ephys.get(17001)), rows);
    ScanProbe probe = ScanProbe.of(df);
    assertEquals(3, probe.metric(ReadMetrics.CHUNKS_READ), "rows of chunks 0, 2 and 3");
    List<Long> firstRows = new ArrayList<>();
    for (var p : probe.scan().planInputPartitions()) {
      firstRows.add(((ArrayPartition) p).firstRow());
    }
    assertEquals(List.of(0L, 10000L, 15000L), firstRows);
  }

  @Test
  void predicatesOnOtherColumnsStayWithSpark() {
    Dataset<Row> df = read(EPHYS, EPHYS_DATA).where("index < 10 AND value[0] > -1000000");
    assertEquals(ephys.subList(0, 10), df.collectAsList());
    assertEquals(1, ScanProbe.of(df).metric(ReadMetrics.CHUNKS_READ));
  }

  @Test
  void wideRowsOfSeveralChunksAreExactAtEdges() {
    Dataset<Row> df = read(WIDE, WIDE_DATA).where("index >= 299 AND index <= 600");
    assertEquals(wide.subList(299, 601), df.collectAsList());
    ScanProbe probe = ScanProbe.of(df);
    assertEquals(6, probe.metric(ReadMetrics.CHUNKS_READ), "rows of chunks 0, 1, 2 with 2 chunks each");
    assertEquals(50, df.first().getList(1).size(), "a row spans both chunks along axis 1");
  }

  @Test
  void countAndIndexDoNotDecodeChunks() {
    Dataset<Row> count = read(EPHYS, EPHYS_DATA).groupBy().count();
    assertEquals(20000L, count.first().getLong(0));
    ScanProbe probe = ScanProbe.of(count);
    assertEquals(0, probe.metric(ReadMetrics.CHUNKS_READ), "count(*) decodes nothing");
    assertEquals(0, probe.metric(ReadMetrics.BYTES_FETCHED), "count(*) fetches nothing");
    Dataset<Row> idx = read(EPHYS, EPHYS_DATA).select("index").where("index >= 100");
    assertEquals(19900, idx.collectAsList().size());
    assertEquals(0, ScanProbe.of(idx).metric(ReadMetrics.CHUNKS_READ), "select index decodes nothing");
  }

  @Test
  void limitReadsFewerChunks() {
    Dataset<Row> df = read(EPHYS, EPHYS_DATA).limit(10);
    assertEquals(ephys.subList(0, 10), df.collectAsList());
    ScanProbe probe = ScanProbe.of(df);
    assertEquals(1, probe.partitions(), "the limit is covered by the first row of chunks");
    assertEquals(1, probe.metric(ReadMetrics.CHUNKS_READ));
    assertTrue(probe.scan().description().contains("limit=10"), probe.scan().description());
  }

  @Test
  void metricsCountWhatWasRead() {
    Dataset<Row> df = read(EPHYS, EPHYS_DATA);
    assertEquals(20000, df.collectAsList().size());
    ScanProbe probe = ScanProbe.of(df);
    assertEquals(4, probe.metric(ReadMetrics.CHUNKS_READ));
    assertEquals(20000L * 32 * 2, probe.metric(ReadMetrics.BYTES_DECODED));
    assertTrue(probe.metric(ReadMetrics.BYTES_FETCHED) > 0);
    assertTrue(probe.metric(ReadMetrics.FETCH_TIME) >= 0 && probe.metric(ReadMetrics.DECODE_TIME) >= 0);
  }

  @Test
  void statisticsAndDescription() {
    Dataset<Row> df = read(EPHYS, EPHYS_DATA).where("index < 5000");
    df.collectAsList();
    var stats = ScanProbe.of(df).scan().estimateStatistics();
    assertEquals(5000L, stats.numRows().getAsLong());
    assertEquals(5000L * 32 * 2 + 5000L * 8, stats.sizeInBytes().getAsLong());
    String d = ScanProbe.of(df).scan().description();
    for (String part : new String[] {"dataset=/" + EPHYS_DATA, "layout=rows", "files=1", "index=[0, 5000)",
        "columns=[index, value]", "partitions=1"}) {
      assertTrue(d.contains(part), part + " in " + d);
    }
  }

  @Test
  void everyChunkBelongsToExactlyOnePartitionWhichCarriesOnlyItsOwn() throws Exception {
    Dataset<Row> df = read(WIDE, WIDE_DATA);
    df.collectAsList();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (var p : ScanProbe.of(df).scan().planInputPartitions()) {
      ArrayPartition ap = (ArrayPartition) p;
      assertEquals(2, ap.chunkCount(), "one row of 2 chunks per partition");
      for (int r = 0; r < ap.rowCount(); r++) {
        for (int c = 0; c < ap.row(r).chunkCount(); c++) {
          assertTrue(keys.add(ap.row(r).chunk(c).key()), "chunk in two partitions");
        }
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(p);
      }
      assertTrue(bytes.size() < 4096, "a partition is small (" + bytes.size() + " bytes), not the 12 KB RFS");
    }
    assertEquals(java.util.Set.of("acquisition/ephys/data/0.0", "acquisition/ephys/data/0.1",
        "acquisition/ephys/data/1.0", "acquisition/ephys/data/1.1", "acquisition/ephys/data/2.0",
        "acquisition/ephys/data/2.1", "acquisition/ephys/data/3.0", "acquisition/ephys/data/3.1"), keys);
  }

  @Test
  void maxPartitionBytesGroupsRowsOfChunks() {
    Dataset<Row> df = SharedSpark.session().read().format("lindi").option("dataset", EPHYS_DATA)
        .option("maxPartitionBytes", String.valueOf(2 * 5000 * 32 * 2)).load(Fixtures.uri(EPHYS));
    assertEquals(20000, df.collectAsList().size());
    assertEquals(2, ScanProbe.of(df).partitions(), "two rows of chunks per partition");
  }
}
