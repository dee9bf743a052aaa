package org.lindi.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.LindiFile;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/**
 * The writer on a real HDFS (MiniDFSCluster), which cannot write in place: each commit writes a
 * complete new file beside the target and renames it over it. The result opens with the project's
 * reader, appending again works, a second writer is refused, and nothing is left behind.
 */
@Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
class HdfsWriteTest {
  @TempDir
  static java.nio.file.Path base;

  private static MiniDFSCluster cluster;
  private static Configuration conf;
  private static FileSystem fs;

  @BeforeAll
  static void startCluster() throws IOException {
    conf = new Configuration();
    for (String key : List.of("dfs.datanode.address", "dfs.datanode.http.address",
        "dfs.datanode.ipc.address", "dfs.namenode.http-address")) {
      conf.set(key, "127.0.0.1:0");
    }
    cluster = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).build();
    cluster.waitActive();
    fs = cluster.getFileSystem();
    conf = fs.getConf();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"session.lindi", "session.lindi.tar"})
  void commitsByWriteAndRename(String name) throws Exception {
    Path file = fs.makeQualified(new Path("/data/" + name));
    DType i2 = DType.parse("<i2");
    ArrayMetadata meta = TestArrays.meta(new long[] {20000, 2}, new int[] {5000, 2}, "<i2", "0",
        "{\"id\":\"zstd\",\"level\":1}", null);
    byte[] first = TestArrays.values(i2, 10000 * 2, 1);
    byte[] second = TestArrays.values(i2, 10000 * 2, 2);
    try (LindiWriter w = LindiWriter.open(file, conf)) {
      w.createArray("acquisition/ephys/data", meta, null);
      w.write("acquisition/ephys/data", new long[] {0, 0}, new long[] {10000, 2}, first);
      assertFalse(fs.exists(file), "nothing is visible before the first commit");
      LindiWriteConflictException e = assertThrows(LindiWriteConflictException.class,
          () -> LindiWriter.open(file, conf));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
    assertTrue(fs.exists(file));
    // HDFS has an AbstractFileSystem: the commit's rename with OVERWRITE is the atomic one.
    org.apache.hadoop.fs.FileContext.getFileContext(file.toUri(), conf);
    try (LindiWriter w = LindiWriter.open(file, conf)) {
      w.write("acquisition/ephys/data", new long[] {10000, 0}, new long[] {10000, 2}, second);
    }
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    try (LindiFile f = LindiFile.open(file, conf)) {
      assertArrayEquals(all, f.array("acquisition/ephys/data").read().bytes());
    }
    FileStatus[] listed = fs.listStatus(file.getParent());
    assertEquals(1, java.util.Arrays.stream(listed).filter(s -> s.getPath().getName().contains(name))
        .count(), "no temporary or lock files left: " + java.util.Arrays.toString(listed));
  }
}
