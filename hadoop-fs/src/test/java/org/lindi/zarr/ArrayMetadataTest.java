package org.lindi.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.error.LindiFormatException;

class ArrayMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void parsesAZarray() throws Exception {
    ArrayMetadata m = ArrayMetadata.parse(JSON.readTree("{\"chunks\":[300,32],\"compressor\":null,"
        + "\"dtype\":\"<f4\",\"fill_value\":-1.0,\"filters\":[{\"elementsize\":4,\"id\":\"shuffle\"},"
        + "{\"id\":\"zlib\",\"level\":4}],\"order\":\"F\",\"shape\":[1000,50],\"zarr_format\":2,"
        + "\"dimension_separator\":\"/\"}"));
    assertArrayEquals(new long[] {1000, 50}, m.shape());
    assertArrayEquals(new int[] {300, 32}, m.chunks());
    assertEquals(Order.F, m.order());
    assertEquals('/', m.dimensionSeparator());
    assertEquals(2, m.filters().size());
    assertEquals(null, m.compressor());
    assertEquals(300L * 32, m.chunkElements());
    ChunkGrid g = m.grid();
    assertArrayEquals(new long[] {4, 2}, g.gridShape());
    assertEquals("3/1", g.chunkKey(new long[] {3, 1}));
    assertEquals(100, g.chunkExtent(0, 3));
    assertEquals(18, g.chunkExtent(1, 1));
    assertTrue(!m.isUncompressed());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"shape\":[100],\"chunks\":[10,10],\"dtype\":\"<f4\"}",
      "{\"shape\":[100],\"chunks\":[0],\"dtype\":\"<f4\"}",
      "{\"shape\":[-1],\"chunks\":[10],\"dtype\":\"<f4\"}",
      "{\"shape\":[100],\"chunks\":[10],\"dtype\":\"<f4\",\"order\":\"X\"}",
      "{\"shape\":[100],\"chunks\":[10]}",
      "{\"shape\":[100],\"chunks\":[10],\"dtype\":\"<f4\",\"zarr_format\":3}",
      "{\"shape\":[1000000],\"chunks\":[1000000000],\"dtype\":\"<f8\"}"})
  void rejectsInvalidMetadata(String json) throws Exception {
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> ArrayMetadata.parse(JSON.readTree(json)));
    assertTrue(e.getMessage().startsWith("invalid array metadata"), e.getMessage());
  }

  @Test
  void gridOfEmptyAndScalarArrays() {
    assertEquals(0, new ChunkGrid(new long[] {0, 5}, new int[] {10, 5}, '.').numChunks());
    ChunkGrid scalar = new ChunkGrid(new long[0], new int[0], '.');
    assertEquals(1, scalar.numChunks());
    assertEquals("0", scalar.chunkKey(new long[0]));
  }
}
