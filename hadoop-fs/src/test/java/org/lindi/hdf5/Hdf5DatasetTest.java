package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.error.UnsupportedFeatureException;

/**
 * Every dataset of the generated files, compared with what libhdf5 (through h5py) reports: shape,
 * dtype, layout, filters, the exact chunk list (offsets, addresses, sizes, filter masks), and the
 * data decoded from the reported locations.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class Hdf5DatasetTest {

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> datasets() {
    return Sidecars.datasets();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("datasets")
  void shapeTypeLayoutAndFiltersAreLibhdf5s(String file, String path) {
    JsonNode expected = Sidecars.dataset(file, path);
    Hdf5Dataset d = open(file, path);
    assertEquals(path, d.path());
    assertArrayEquals(longs(expected.get("shape")), d.shape());
    assertArrayEquals(longs(expected.get("maxshape")), d.maxShape());
    String dtype = expected.get("dtype").asText();
    if (dtype.startsWith("|b") || dtype.startsWith("|V")) {
      // h5py's bool (an HDF5 enum) and compounds: described, but without a numpy dtype here
      assertFalse(d.datatype().isSupported());
      assertThrows(UnsupportedFeatureException.class, d::dtype);
      assertEquals(Integer.parseInt(dtype.substring(2)), d.datatype().size());
    } else {
      assertEquals(dtype, d.dtype());
    }
    assertEquals(expected.get("layout").asText().toUpperCase(), d.layout().name());
    if (expected.get("chunks").isNull()) {
      assertNull(d.chunkShape());
    } else {
      assertArrayEquals(ints(expected.get("chunks")), d.chunkShape());
    }
    List<Hdf5Filter> filters = d.filters();
    assertEquals(expected.get("filters").size(), filters.size());
    for (int i = 0; i < filters.size(); i++) {
      JsonNode f = expected.get("filters").get(i);
      assertEquals(f.get("id").asInt(), filters.get(i).id());
      assertEquals(f.get("flags").asInt(), filters.get(i).flags());
      assertArrayEquals(ints(f.get("values")), filters.get(i).clientData());
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("datasets")
  void storageLocationsAreLibhdf5s(String file, String path) {
    JsonNode expected = Sidecars.dataset(file, path);
    Hdf5Dataset d = open(file, path);
    switch (d.layout()) {
      case CHUNKED: {
        // h5py's get_chunk_info gives addresses relative to the base (after a user block)
        long base = Sidecars.sidecar(file).get("userblock").asLong();
        List<String> want = new ArrayList<>();
        for (JsonNode c : expected.get("chunk_list")) {
          want.add(describe(longs(c.get(0)), base + c.get(1).asLong(), c.get(2).asLong(),
              c.get(3).asInt()));
        }
        List<String> got = new ArrayList<>();
        for (Hdf5Chunk c : d.chunks()) {
          got.add(describe(c.offset(), c.address(), c.size(), c.filterMask()));
        }
        assertEquals(want, got);
        break;
      }
      case CONTIGUOUS:
        assertEquals(expected.get("address").asLong(), d.contiguousAddress());
        assertEquals(expected.get("storage_size").asLong(), d.contiguousSize());
        break;
      default:
        assertEquals(expected.get("shape").size() == 0 ? 1 : product(longs(expected.get("shape")))
            * d.datatype().size(), d.compactData().length);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("datasets")
  void dataDecodedFromTheReportedBytesHasH5pysSha256(String file, String path) {
    JsonNode expected = Sidecars.dataset(file, path);
    try (CountingFileSource source = new CountingFileSource(Sidecars.h5(file))) {
      Hdf5Dataset d = Hdf5File.open(source, file).dataset(path);
      if (d.filters().stream().anyMatch(f -> f.id() == Hdf5Filter.LZF)) {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
            d::filterCodecs);
        assertTrue(e.getMessage().contains("32000"), e.getMessage());
        return;
      }
      assertEquals(expected.get("sha256").asText(), DatasetBytes.sha256(d, source));
    }
  }

  static Hdf5Dataset open(String file, String path) {
    try (CountingFileSource source = new CountingFileSource(Sidecars.h5(file))) {
      return Hdf5File.open(source, file + ".h5").dataset(path);
    }
  }

  private static String describe(long[] offset, long address, long size, int mask) {
    return java.util.Arrays.toString(offset) + " @" + address + " +" + size + " mask " + mask;
  }

  static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) array.get(i).asLong();
    }
    return out;
  }

  private static long product(long[] v) {
    long p = 1;
    for (long x : v) {
      p *= x;
    }
    return p;
  }
}
