package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lindi.error.UnsupportedFeatureException;

/** HDF5 filter pipelines map to numcodecs configurations in Zarr {@code filters} order. */
class FilterCodecsTest {
  private static Hdf5Filter filter(int id, int... values) {
    return new Hdf5Filter(id, "", 0, values);
  }

  private static String codecs(int mask, Hdf5Filter... filters) {
    List<JsonNode> list = FilterCodecs.codecs(List.of(filters), 4, mask, "f.h5", "d");
    return JsonNodeFactory.instance.arrayNode().addAll(list).toString();
  }

  @Test
  void builtInFiltersMapInPipelineOrder() {
    assertEquals("[{\"id\":\"shuffle\",\"elementsize\":4},{\"id\":\"zlib\",\"level\":6}]",
        codecs(0, filter(2, 4), filter(1, 6)));
    assertEquals("[{\"id\":\"fletcher32\"}]", codecs(0, filter(3)));
    assertEquals("[{\"id\":\"shuffle\",\"elementsize\":4}]", codecs(0, filter(2)));
  }

  @Test
  void pluginFiltersMapToTheirCodecs() {
    assertEquals("[{\"id\":\"blosc\",\"cname\":\"zstd\",\"clevel\":7,\"shuffle\":2,\"blocksize\":0}]",
        codecs(0, filter(32001, 2, 2, 4, 4000, 7, 2, 5)));
    assertEquals("[{\"id\":\"zstd\",\"level\":3}]", codecs(0, filter(32015, 3)));
    assertEquals("[{\"id\":\"hdf5-lz4\"}]", codecs(0, filter(32004, 0)));
    assertEquals("[{\"id\":\"hdf5-bitshuffle\",\"elementsize\":2,\"blocksize\":64,"
        + "\"compression\":2}]", codecs(0, filter(32008, 0, 5, 2, 64, 2)));
  }

  @Test
  void theFilterMaskLeavesOutSkippedFilters() {
    assertEquals("[{\"id\":\"zlib\",\"level\":4}]", codecs(0b01, filter(2, 4), filter(1, 4)));
    assertEquals("[]", codecs(0b11, filter(2, 4), filter(1, 4)));
  }

  @Test
  void aFilterWithoutCodecIsNamedInTheError() {
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> codecs(0, filter(1, 4), new Hdf5Filter(32000, "lzf", 1, new int[] {4, 261, 3360})));
    assertTrue(e.getMessage().contains("32000") && e.getMessage().contains("lzf")
        && e.getMessage().contains("f.h5"), e.getMessage());
    // skipped by the mask, the same filter is no obstacle
    assertEquals("[{\"id\":\"zlib\",\"level\":4}]",
        codecs(0b10, filter(1, 4), new Hdf5Filter(32000, "lzf", 1, new int[0])));
  }
}
