package org.lindi.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.LindiFile;
import org.lindi.rfs.ChunkRef;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/** The {@code .lindi.tar} layout of SPEC 2.2 and LINDI's blob naming, as the writer produces them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LindiTarWriterTest {
  static final Configuration CONF = new Configuration();

  @TempDir(factory = ShmTempDir.class)
  Path dir;

  @Test
  void blobsAreNamedByKeyVersionedWhenRewrittenAndTarListsThem() throws Exception {
    Path file = dir.resolve("t.lindi.tar");
    DType u2 = DType.parse("<u2");
    ArrayMetadata meta = TestArrays.meta(new long[] {4000}, new int[] {2000}, "<u2", "0",
        "{\"id\":\"gzip\",\"level\":1}", null);
    String longGroup = "a".repeat(60) + "/" + "b".repeat(70);
    byte[] v1 = TestArrays.values(u2, 4000, 1);
    byte[] v2 = TestArrays.values(u2, 4000, 2);
    try (LindiWriter w = LindiWriter.openLocal(file, WriteOptions.defaults())) {
      assertTrue(w instanceof LindiTarWriter);
      w.createArray("grp/x", meta, null);
      w.write("grp/x", new long[] {0}, new long[] {4000}, v1);
      w.createArray(longGroup + "/y", meta, null);
      w.write(longGroup + "/y", new long[] {0}, new long[] {4000}, v1);
    }
    try (LindiWriter w = LindiWriter.openLocal(file, WriteOptions.defaults())) {
      w.write("grp/x", new long[] {0}, new long[] {4000}, v2);
    }
    List<String> listed = FixtureAppendTest.tarList(file);
    assertEquals(".tar_entry.json", listed.get(0));
    assertTrue(listed.containsAll(List.of(".tar_index.json", "lindi.json", "blobs/grp/x/0", "blobs/grp/x/0.v2",
        "blobs/grp/x/1.v2", "blobs/" + longGroup + "/y/0")), listed.toString());
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), CONF)) {
      ChunkRef r = f.rfs().get("grp/x/0");
      assertEquals("./blobs/grp/x/0.v2", r.url());
      assertEquals(0, r.offset());
      assertArrayEquals(v2, f.array("grp/x").read().bytes());
      assertArrayEquals(v1, f.array(longGroup + "/y").read().bytes());
    }
    PythonChecker.check(file, java.util.Map.of("grp/x", TestArrays.sha256(v2),
        longGroup + "/y", TestArrays.sha256(v1)));
  }

  @Test
  void theIndexAndRfsAlternateWithTheirSupersededCopies() throws Exception {
    Path file = dir.resolve("r.lindi.tar");
    ArrayMetadata meta = TestArrays.meta(new long[] {10}, new int[] {10}, "<i4", "0", null, null);
    int appended = -1;
    for (int i = 0; i < 6; i++) {
      try (LindiWriter w = LindiWriter.openLocal(file, WriteOptions.defaults())) {
        w.createArray("a" + i, meta, null);
        w.flush();
        if (i > 0) {
          appended = ((LindiTarWriter) w).appendedCopies();
        }
      }
    }
    assertEquals(0, appended, "once two copies exist, commits reuse the superseded one");
    List<String> listed = FixtureAppendTest.tarList(file);
    assertEquals(2, listed.stream().filter(n -> n.startsWith(".trash/")).count(), listed.toString());
  }
}
