package org.lindi.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Order;

/**
 * Files the writer makes, lindi1 and tar, read by the reference implementation (zarr-python and
 * numcodecs through {@code check_lindi_zarr.py}): every encoder, several dtypes, F order, edge
 * chunks and missing chunks.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReferenceReadTest {
  @TempDir(factory = ShmTempDir.class)
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ref.lindi", "ref.lindi.tar"})
  void zarrPythonReadsWhatWasWritten(String name) throws Exception {
    Path file = dir.resolve(name);
    Map<String, String> expected = new LinkedHashMap<>();
    int i = 0;
    try (LindiWriter w = LindiWriter.openLocal(file, WriteOptions.defaults())) {
      for (String[] e : EncoderRoundTripTest.encoders()) {
        String dtype = EncoderRoundTripTest.DTYPES.get(i % EncoderRoundTripTest.DTYPES.size());
        if (e[0].startsWith("delta") && dtype.equals("|b1")) {
          dtype = "<u2";
        }
        int rank = 1 + i % 3;
        long[] shape = EncoderRoundTripTest.SHAPES[rank - 1];
        int[] chunks = EncoderRoundTripTest.CHUNKS[rank - 1];
        DType dt = DType.parse(dtype);
        List<JsonNode> filters = new ArrayList<>();
        if (e[2] != null) {
          TestArrays.json(e[2].contains("%d") ? e[2].replace("%d", String.valueOf(dt.itemSize()))
              : e[2].replace("%s", dtype)).forEach(filters::add);
        }
        Order order = i % 4 == 3 ? Order.F : Order.C;
        ArrayMetadata meta = ArrayMetadata.of(shape, chunks, dt, order, TestArrays.json(
            dt.kind() == DType.Kind.BOOL ? "false" : "0"),
            e[1] == null ? null : TestArrays.json(e[1]), filters, '.');
        byte[] data = TestArrays.values(dt.littleEndian(), TestArrays.count(shape), i);
        String path = "codecs/" + e[0] + "_" + dtype.replaceAll("[<>|]", "");
        w.createArray(path, meta, null);
        w.write(path, new long[rank], shape, data);
        expected.put(path, TestArrays.sha256(data));
        i++;
      }
      // A missing chunk reads as the fill value in zarr too.
      ArrayMetadata sparse = TestArrays.meta(new long[] {30}, new int[] {10}, "<f8", "\"NaN\"",
          "{\"id\":\"zlib\",\"level\":1}", null);
      w.createArray("sparse", sparse, null);
      byte[] first = TestArrays.values(DType.parse("<f8"), 10, 99);
      w.write("sparse", new long[] {0}, new long[] {10}, first);
      byte[] all = new byte[240];
      System.arraycopy(first, 0, all, 0, 80);
      sparse.fillValue().fill(all, 80, 20);
      expected.put("sparse", TestArrays.sha256(all));
    }
    PythonChecker.check(file, expected);
  }
}
