package org.lindi.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.LindiFile;
import org.lindi.container.Lindi1Header;
import org.lindi.rfs.ChunkRef;
import org.lindi.zarr.ArrayMetadata;

/** The lindi1 layout of SPEC 2.1 as the writer produces it, read back by the project's reader. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Lindi1WriterTest {
  static final Configuration CONF = new Configuration();
  static final String ZLIB = "{\"id\":\"zlib\",\"level\":1}";

  @TempDir(factory = ShmTempDir.class)
  Path dir;

  static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  static Lindi1Header header(Path file) throws Exception {
    byte[] b = new byte[1024];
    try (var in = Files.newInputStream(file)) {
      assertEquals(1024, in.readNBytes(b, 0, 1024));
    }
    return Lindi1Header.parse(b, file.toString());
  }

  static String rfsText(Path file) throws Exception {
    Lindi1Header h = header(file);
    byte[] all = Files.readAllBytes(file);
    return new String(all, (int) h.rfsStart(), (int) h.rfsSize(), StandardCharsets.UTF_8);
  }

  static ArrayMetadata int32(long n, int chunk) {
    return TestArrays.meta(new long[] {n}, new int[] {chunk}, "<i4", "0", null, null);
  }

  @Test
  void aNewFileHasItsRfsAt1024AndTheFirstChunkAt1049600() throws Exception {
    Path file = dir.resolve("new.lindi");
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      assertTrue(w instanceof Lindi1Writer);
      w.createArray("x", int32(1000, 1000), null);
      w.writeChunkData("x", new long[] {0}, TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 1000, 1));
    }
    Lindi1Header h = header(file);
    assertEquals(1024, h.rfsStart());
    assertEquals(1 << 20, h.rfsSize() + h.rfsPadding());
    String json = rfsText(file);
    assertEquals(json.trim().length(), h.rfsSize(), "rfs_size is the exact JSON length");
    assertTrue(json.startsWith("{") && json.endsWith("}"));
    try (LindiFile f = LindiFile.open(hadoop(file), CONF)) {
      ChunkRef ref = f.rfs().get("x/0");
      assertEquals(".", ref.url());
      assertEquals(1049600, ref.offset());
      assertEquals(4000, ref.length());
      assertTrue(f.node("") != null, "root group");
    }
  }

  @Test
  void groupsAttributesAndSmallChunksInline() throws Exception {
    Path file = dir.resolve("g.lindi");
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.createGroup("acquisition/ephys");
      w.setAttributes("acquisition", TestArrays.json("{\"neurodata_type\":\"NWBFile\",\"n\":3}"));
      w.createArray("acquisition/ephys/small", int32(10, 10), TestArrays.json("{\"unit\":\"uV\"}"));
      w.writeChunkData("acquisition/ephys/small", new long[] {0},
          TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 10, 2));
    }
    try (LindiFile f = LindiFile.open(hadoop(file), CONF)) {
      assertTrue(f.rfs().get("acquisition/ephys/small/0").isInline(), "40 bytes stay inline");
      assertEquals("NWBFile", f.group("acquisition").attributes().get("neurodata_type").asText());
      assertEquals("uV", f.array("acquisition/ephys/small").attributes().get("unit").asText());
      assertArrayEquals(TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 10, 2),
          f.array("acquisition/ephys/small").read().bytes());
    }
  }

  @Test
  void overwrittenChunksLeaveGarbageAndDeletedArraysLoseTheirRefs() throws Exception {
    Path file = dir.resolve("o.lindi");
    byte[] a = TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 1000, 3);
    byte[] b = TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 1000, 4);
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.createArray("x", int32(1000, 1000), null);
      w.createArray("y", int32(1000, 1000), null);
      w.writeChunkData("x", new long[] {0}, a);
      w.writeChunkData("y", new long[] {0}, a);
    }
    long before = Files.size(file);
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.writeChunkData("x", new long[] {0}, b);
      w.delete("y");
      assertFalse(w.exists("y"));
    }
    assertEquals(before + 4000, Files.size(file), "the new chunk is appended, the old one stays");
    try (LindiFile f = LindiFile.open(hadoop(file), CONF)) {
      assertArrayEquals(b, f.array("x").read().bytes());
      assertNull(f.node("y"));
      assertNull(f.rfs().get("y/0"));
      assertNull(f.rfs().get("y/.zarray"));
    }
  }

  @Test
  void theRfsMovesBetweenTheRegionsFreeSpaceAndRelocatesWhenItOutgrowsIt() throws Exception {
    Path file = dir.resolve("r.lindi");
    WriteOptions small = WriteOptions.defaults().withRfsRegion(4096);
    List<Long> starts = new java.util.ArrayList<>();
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF, small)) {
      Lindi1Writer l = (Lindi1Writer) w;
      for (int i = 0; i < 40; i++) {
        w.createArray("a" + i, int32(1000, 1000), TestArrays.json("{\"i\":" + i + "}"));
        w.writeChunkData("a" + i, new long[] {0},
            TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 1000, i));
        w.flush();
        starts.add(l.header().rfsStart());
        assertEquals(l.header(), header(file));
        assertEquals(rfsText(file).length(), l.header().rfsSize());
      }
      assertTrue(l.relocations() >= 2, "relocated " + l.relocations() + " times: " + starts);
    }
    assertTrue(starts.stream().distinct().count() > 3, starts.toString());
    try (LindiFile f = LindiFile.open(hadoop(file), CONF)) {
      for (int i = 0; i < 40; i++) {
        assertArrayEquals(TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 1000, i),
            f.array("a" + i).read().bytes());
        assertEquals(i, f.array("a" + i).attributes().get("i").asInt());
      }
    }
  }

  @Test
  void anArrayExtendsAlongAxis0IntoItsPartialEdgeChunk() throws Exception {
    Path file = dir.resolve("e.lindi");
    org.lindi.zarr.DType f8 = org.lindi.zarr.DType.parse("<f8");
    byte[] first = TestArrays.values(f8, 250 * 3, 5);
    byte[] more = TestArrays.values(f8, 120 * 3, 6);
    ArrayMetadata meta = TestArrays.meta(new long[] {250, 3}, new int[] {100, 3}, "<f8", "\"NaN\"",
        "{\"id\":\"blosc\",\"cname\":\"zstd\",\"clevel\":3,\"shuffle\":1,\"blocksize\":0}", null);
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.createArray("lfp", meta, null);
      w.write("lfp", new long[] {0, 0}, new long[] {250, 3}, first);
    }
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.resize("lfp", new long[] {370, 3});
      w.write("lfp", new long[] {250, 0}, new long[] {120, 3}, more);
    }
    byte[] expected = new byte[370 * 3 * 8];
    System.arraycopy(first, 0, expected, 0, first.length);
    System.arraycopy(more, 0, expected, first.length, more.length);
    try (LindiFile f = LindiFile.open(hadoop(file), CONF)) {
      assertArrayEquals(new long[] {370, 3}, f.array("lfp").shape());
      assertArrayEquals(expected, f.array("lfp").read().bytes());
    }
  }

  @Test
  void anArrayAlreadyThereIsNotCreatedTwice() throws Exception {
    Path file = dir.resolve("d.lindi");
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.createArray("x", int32(10, 10), null);
      assertThrows(org.lindi.error.LindiException.class, () -> w.createArray("x", int32(10, 10), null));
      assertThrows(org.lindi.error.LindiException.class, () -> w.createGroup("x/y"));
    }
  }

  @Test
  void abortLeavesTheLastCommittedState() throws Exception {
    Path file = dir.resolve("a.lindi");
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.createArray("kept", int32(10, 10), null);
    }
    LindiWriter w = LindiWriter.open(hadoop(file), CONF);
    w.createArray("dropped", int32(10, 10), null);
    w.abort();
    try (LindiFile f = LindiFile.open(hadoop(file), CONF)) {
      assertTrue(f.node("kept") != null);
      assertNull(f.node("dropped"));
    }
  }

  /** An aborted write (e.g. a Spark job whose driver commit failed) leaves the file byte-identical. */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void abortLeavesAFixtureByteIdentical() throws Exception {
    Path file = dir.resolve("ephys.lindi");
    Files.copy(org.lindi.Fixtures.file("lindi1/ephys_int16_gzip.lindi"), file);
    byte[] before = Files.readAllBytes(file);
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.createArray("extra", int32(5000, 1000), null);
      for (long c = 0; c < 5; c++) {
        w.writeChunkData("extra", new long[] {c},
            TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 1000, c));
      }
      assertTrue(Files.size(file) > before.length, "chunks go to the file at once");
      w.abort();
    }
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  /** After a commit, an abort takes back only what came after it. */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void abortAfterACommitKeepsTheCommit() throws Exception {
    Path file = dir.resolve("kept.lindi");
    byte[] committed;
    try (LindiWriter w = LindiWriter.open(hadoop(file), CONF)) {
      w.createArray("x", int32(2000, 1000), null);
      w.writeChunkData("x", new long[] {0}, TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 1000, 1));
      w.flush();
      committed = Files.readAllBytes(file);
      w.writeChunkData("x", new long[] {1}, TestArrays.values(org.lindi.zarr.DType.parse("<i4"), 1000, 2));
      w.setAttributes("", TestArrays.json("{\"a\": 1}"));
      w.abort();
    }
    assertArrayEquals(committed, Files.readAllBytes(file));
  }
}
