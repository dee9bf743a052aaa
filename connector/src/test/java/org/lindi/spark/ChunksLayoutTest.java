package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.Fixtures;
import org.lindi.zarr.DType;

/**
 * The {@code chunks} layout: one row per chunk with its grid coordinates, first element, trimmed
 * extent and elements; put back together, the chunks of a representative set of arrays (ranks 0 to
 * 4, edge chunks, order F, fill values, every element family) give the manifest's array.
 */
class ChunksLayoutTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "h5conv/sample.lindi.json, acquisition/ephys/data",
      "h5conv/sample.lindi.json, bools",
      "h5conv/sample.lindi.json, scalar_f",
      "h5conv/sample.lindi.json, fixed_strings",
      "h5conv/sample.lindi.json, vlen_strings",
      "h5conv/sample.lindi.json, compound",
      "h5conv/sample.lindi.json, acquisition/ephys/empty_f4",
      "lindi1/groups_attrs.lindi, processing/behavior/position",
      "lindi1/pr88_example.lindi, data",
      "nwb/ephys_session.lindi.tar, acquisition/ElectricalSeries/data",
      "zarr/layouts.lindi.json, nd/i2_4d",
      "zarr/layouts.lindi.json, order_f/f4_blosc",
      "zarr/layouts.lindi.json, dtypes/u8",
      "zarr/layouts.lindi.json, dtypes/f2",
      "zarr/layouts.lindi.json, dtypes/c8",
      "zarr/layouts.lindi.json, dtypes/M8ns",
      "zarr/layouts.lindi.json, fill/missing_i2",
      "zarr/layouts.lindi.json, misc/u1_chunk_bigger_than_array",
      "zarr/layouts.lindi.json, empty/i4_0x5",
      "zarr/codecs.lindi.json, filters/categorize_U6",
  })
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void chunksPutTogetherGiveTheArray(String file, String path) {
    JsonNode entry = Fixtures.arrayEntry(file, path);
    long[] shape = RowsLayoutTest.longs(entry.get("shape"));
    long[] chunks = RowsLayoutTest.longs(entry.get("chunks"));
    List<Row> rows = SharedSpark.session().read().format("lindi").option("dataset", path)
        .option("layout", "chunks").load(Fixtures.uri(file)).collectAsList();
    int rank = shape.length;
    long total = 1;
    long expectedChunks = 1;
    for (int k = 0; k < rank; k++) {
      total *= shape[k];
      expectedChunks *= (shape[k] + chunks[k] - 1) / chunks[k];
    }
    assertEquals(expectedChunks, rows.size(), "one row per chunk");
    Object[] all = new Object[(int) total];
    for (Row r : rows) {
      long[] coords = longs(r.getList(0));
      long[] start = longs(r.getList(1));
      long[] extent = longs(r.getList(2));
      assertEquals(rank, coords.length, "chunk coordinates of the logical rank");
      for (int k = 0; k < rank; k++) {
        assertEquals(coords[k] * chunks[k], start[k], "start of chunk " + Arrays.toString(coords));
        assertEquals(Math.min(chunks[k], shape[k] - start[k]), extent[k], "trimmed extent");
      }
      List<Object> values = new ArrayList<>();
      ExpectedValues.flatten(r.get(3), values);
      place(values, start, extent, shape, all);
    }
    List<Object> leaves = Arrays.asList(all);
    if (entry.has("sha256")) {
      assertEquals(entry.get("sha256").asText(), ExpectedValues.sha256(leaves,
          DType.parse(entry.get("dtype").asText())), "sha256");
    }
    if (entry.has("values")) {
      ExpectedValues.assertValues(entry, leaves, file + " " + path);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "broken/offset_past_eof.lindi.json, x, ref out of bounds",
      "broken/garbage_chunk.lindi.json, x, codec error",
      "broken/blosc_bomb.lindi.json, x, decompression size limit exceeded",
      "broken/rank_mismatch.lindi.json, x, invalid array metadata",
  })
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void brokenChunksFailNamingTheFile(String file, String path, String expectError) {
    Exception e = assertThrows(Exception.class, () -> SharedSpark.session().read().format("lindi")
        .option("dataset", path).option("layout", "chunks").load(Fixtures.uri(file)).collectAsList());
    Failures.assertLindiError(e, expectError, file.substring(file.indexOf('/') + 1));
  }

  /** Puts a chunk's C-order elements at their place in the C-order array, each place once. */
  private static void place(List<Object> values, long[] start, long[] extent, long[] shape, Object[] all) {
    int rank = shape.length;
    long[] idx = new long[rank];
    for (Object v : values) {
      long flat = 0;
      for (int k = 0; k < rank; k++) {
        flat = flat * shape[k] + start[k] + idx[k];
      }
      assertNull(all[(int) flat], "element " + flat + " belongs to one chunk only");
      all[(int) flat] = v;
      for (int k = rank - 1; k >= 0; k--) {
        if (++idx[k] < extent[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
  }

  private static long[] longs(List<Object> list) {
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) list.get(i)).longValue();
    }
    return out;
  }

}
