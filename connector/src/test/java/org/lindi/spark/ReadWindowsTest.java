package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.write.LindiWriter;
import org.lindi.write.WriteOptions;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Order;

/**
 * A partition's chunks fetched window after window, the next window in the background, into two
 * reused buffers: every value comes out right whatever the window size, for raw chunks (whose
 * decoded bytes are the fetched bytes themselves) and compressed ones, in every reader (rows,
 * columnar batches, chunks), with two chunks per row of chunks.
 */
class ReadWindowsTest {
  private static final int ROWS = 1000;
  private static final int COLS = 6;
  private static final int CHUNK_ROWS = 40; // 25 rows of chunks (the last one full)
  private static final int CHUNK_COLS = 3;  // 2 chunks per row of chunks, never inlined (limit 0)

  @TempDir
  static Path tmp;

  static short value(long row, int col) {
    return (short) (row * 7 + col * 1000 - 20000);
  }

  static String write(String compressor) throws Exception {
    Path file = tmp.resolve((compressor == null ? "raw" : "blosc") + ".lindi");
    if (file.toFile().exists()) {
      return file.toUri().toString();
    }
    ObjectMapper json = new ObjectMapper();
    ArrayMetadata meta = ArrayMetadata.of(new long[] {ROWS, COLS}, new int[] {CHUNK_ROWS, CHUNK_COLS},
        DType.parse("<i2"), Order.C, IntNode.valueOf(0), compressor == null ? null : json.readTree(compressor),
        null, '.');
    try (LindiWriter w = LindiWriter.openLocal(file, WriteOptions.defaults().withInlineLimit(0))) {
      w.createArray("x", meta, null);
      for (int r = 0; r < ROWS / CHUNK_ROWS; r++) {
        for (int c = 0; c < COLS / CHUNK_COLS; c++) {
          ByteBuffer b = ByteBuffer.allocate(CHUNK_ROWS * CHUNK_COLS * 2).order(ByteOrder.LITTLE_ENDIAN);
          for (int i = 0; i < CHUNK_ROWS; i++) {
            for (int j = 0; j < CHUNK_COLS; j++) {
              b.putShort(value((long) r * CHUNK_ROWS + i, c * CHUNK_COLS + j));
            }
          }
          w.writeChunkData("x", new long[] {r, c}, b.array());
        }
      }
    }
    return file.toUri().toString();
  }

  @ParameterizedTest(name = "{0} window {1} B, unsafeRows={2}")
  @CsvSource({
      "raw, 1, true", "raw, 1, false", "raw, 1000, true", "raw, 100000000, false",
      "blosc, 1, true", "blosc, 1, false", "blosc, 700, true", "blosc, 700, false",
  })
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyValueWhateverTheWindow(String kind, long windowBytes, boolean unsafeRows) throws Exception {
    String file = write(kind.equals("raw") ? null
        : "{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}");
    List<Row> rows = SharedSpark.session().read().format("lindi").option("dataset", "x")
        .option("lindi.read.windowBytes", windowBytes).option("lindi.read.unsafeRows", unsafeRows)
        .option("maxPartitionBytes", 2L * ROWS * COLS / 3).load(file).orderBy("index").collectAsList();
    assertEquals(ROWS, rows.size());
    for (Row row : rows) {
      long i = row.getLong(0);
      List<Object> v = row.getList(1);
      for (int c = 0; c < COLS; c++) {
        assertEquals(value(i, c), ((Number) v.get(c)).shortValue(), "row " + i + " col " + c);
      }
    }
    List<Row> chunks = SharedSpark.session().read().format("lindi").option("dataset", "x")
        .option("layout", "chunks").option("lindi.read.windowBytes", windowBytes).load(file)
        .select("chunk", "value").collectAsList();
    assertEquals(ROWS / CHUNK_ROWS * COLS / CHUNK_COLS, chunks.size());
    for (Row row : chunks) {
      List<Object> coords = row.getList(0);
      long r0 = ((Number) coords.get(0)).longValue() * CHUNK_ROWS;
      int c0 = ((Number) coords.get(1)).intValue() * CHUNK_COLS;
      List<Object> v = row.getList(1);
      for (int k = 0; k < v.size(); k++) {
        assertEquals(value(r0 + k / CHUNK_COLS, c0 + k % CHUNK_COLS), ((Number) v.get(k)).shortValue());
      }
    }
  }
}
