package org.lindi.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.ArrayData;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/**
 * Every encoder x dtype, 1-D to 4-D with edge chunks and a missing chunk row: written with the
 * writer's {@link ChunkEncoder}, read back with the project's reader ({@code LindiFile}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EncoderRoundTripTest {
  private static final Configuration CONF = new Configuration();
  static final List<String> DTYPES = List.of("|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4",
      "<u8", "<f2", "<f4", "<f8", "|b1", ">i4");

  /** Shapes and chunks per rank: every axis has a partial edge chunk. */
  static final long[][] SHAPES = {{1003}, {37, 23}, {9, 7, 5}, {5, 4, 3, 6}};
  static final int[][] CHUNKS = {{200}, {10, 7}, {4, 3, 2}, {2, 3, 2, 4}};

  /** Name, compressor JSON, filters JSON ("%d" = item size, "%s" = dtype). */
  static List<String[]> encoders() {
    List<String[]> out = new ArrayList<>();
    for (String cname : List.of("lz4", "zstd", "blosclz", "zlib")) {
      for (int shuffle = 0; shuffle <= 2; shuffle++) {
        out.add(new String[] {"blosc-" + cname + "-" + shuffle, "{\"id\":\"blosc\",\"cname\":\""
            + cname + "\",\"clevel\":5,\"shuffle\":" + shuffle + ",\"blocksize\":0}", null});
      }
    }
    out.add(new String[] {"zlib", "{\"id\":\"zlib\",\"level\":1}", null});
    out.add(new String[] {"gzip", "{\"id\":\"gzip\",\"level\":1}", null});
    out.add(new String[] {"zstd", "{\"id\":\"zstd\",\"level\":1}", null});
    out.add(new String[] {"lz4", "{\"id\":\"lz4\",\"acceleration\":1}", null});
    out.add(new String[] {"shuffle+zlib", "{\"id\":\"zlib\",\"level\":1}",
        "[{\"id\":\"shuffle\",\"elementsize\":%d}]"});
    out.add(new String[] {"delta+zlib", "{\"id\":\"zlib\",\"level\":1}",
        "[{\"id\":\"delta\",\"dtype\":\"%s\"}]"});
    out.add(new String[] {"raw", null, null});
    return out;
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    int i = 0;
    for (String[] e : encoders()) {
      for (String dtype : DTYPES) {
        out.add(Arguments.of(e[0], e[1], e[2], dtype, 1 + (i++ % 4)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {3} rank {4}")
  @MethodSource("cases")
  void writtenChunksReadBackExactly(String name, String compressor, String filters, String dtype,
      int rank, @TempDir(factory = ShmTempDir.class) Path dir) throws Exception {
    DType dt = DType.parse(dtype);
    assumeFalse(name.startsWith("delta") && dt.kind() == DType.Kind.BOOL, "numcodecs delta has no bool");
    long[] shape = SHAPES[rank - 1];
    int[] chunks = CHUNKS[rank - 1];
    String fill = dt.kind() == DType.Kind.BOOL ? "true" : dt.kind() == DType.Kind.FLOAT ? "1.5" : "7";
    List<JsonNode> filterList = new ArrayList<>();
    if (filters != null) {
      TestArrays.json(String.format(filters.contains("%d") ? filters.replace("%d",
          String.valueOf(dt.itemSize())) : filters.replace("%s", dtype))).forEach(filterList::add);
    }
    ArrayMetadata meta = TestArrays.meta(shape, chunks, dtype, fill, compressor, filterList);
    long n = TestArrays.count(shape);
    byte[] data = TestArrays.values(dt.littleEndian(), n, name.hashCode() * 31L + dtype.hashCode());

    // Every chunk row but the last along axis 0 is written; the last one stays missing.
    long cut = (shape[0] - 1) / chunks[0] * chunks[0];
    long[] count = shape.clone();
    count[0] = cut;
    int rowBytes = (int) (n / shape[0] * dt.itemSize());
    byte[] written = java.util.Arrays.copyOf(data, (int) (cut * rowBytes));
    Path file = dir.resolve("a.lindi");
    WriteOptions options = WriteOptions.defaults().withRfsRegion(64 << 10);
    try (LindiWriter w = LindiWriter.open(new org.apache.hadoop.fs.Path(file.toUri()),
        CONF, options)) {
      w.createArray("g/x", meta, null);
      w.write("g/x", new long[rank], count, written);
    }

    byte[] expected = data.clone();
    byte[] fillBytes = meta.fillValue().elementBytes();
    for (int i = (int) (cut * rowBytes); i < expected.length; i++) {
      expected[i] = fillBytes[i % dt.itemSize()];
    }
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), CONF)) {
      LindiArray a = f.array("g/x");
      assertEquals(meta, a.metadata());
      ArrayData back = a.read();
      assertArrayEquals(expected, back.bytes(), name + " " + dtype);
    }
  }
}
