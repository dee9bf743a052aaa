package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.codec.ByteSlice;
import org.lindi.container.FileRange;
import org.lindi.error.ChunkFetchException;
import org.lindi.error.LocationNotAllowedException;

/** The range-read contract on a real HDFS (one MiniDFSCluster for the class, 1 MiB blocks). */
@Timeout(120)
class ChunkRangeReaderHdfsTest extends RangeReadContract {
  @TempDir
  static java.nio.file.Path base;

  private static MiniDFSCluster cluster;
  private static Configuration conf;
  private static FileSystem fs;

  @BeforeAll
  @Timeout(120)
  static void startCluster() throws IOException {
    conf = new Configuration();
    conf.setLong("dfs.blocksize", 1 << 20);
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
  @Timeout(60)
  static void stopCluster() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Override
  Path store(String name, byte[] data) throws IOException {
    Path p = fs.makeQualified(new Path("/session/" + name));
    try (FSDataOutputStream out = fs.create(p, true)) {
      out.write(data);
    }
    return p;
  }

  @Override
  Configuration conf() {
    return conf;
  }

  @Override
  Path missing() {
    return fs.makeQualified(new Path("/session/missing.bin"));
  }

  @Test
  void theBigFileSpansTwoBlocks() throws IOException {
    Path big = store("big.bin", BIG);
    assertEquals(2, fs.getFileBlockLocations(big, 0, BIG.length).length);
  }

  /** A lindi file on HDFS: relative and absolute refs land on HDFS, file: refs are refused. */
  @Test
  void refsOfALindiFileOnHdfsResolveAndRead() throws IOException {
    Path data = store("data.bin", SMALL);
    Path lindi = store("rec.lindi", new byte[2048]);
    UrlResolver resolver = UrlResolver.fromOptions(TestContainer.lindi1(lindi.toString()), conf,
        null, null);
    try (ChunkRangeReader r = new ChunkRangeReader(conf, fastRetries(), new ReadStatistics())) {
      List<ByteSlice> got = r.readAll(List.of(resolver.resolve("data.bin", 100, 50),
          resolver.resolve("/session/data.bin", 1100, -1), resolver.resolve(".", 1024, 10)));
      assertSlice(SMALL, 100, 50, got.get(0));
      assertSlice(SMALL, 1100, 100, got.get(1));
      assertEquals(10, got.get(2).length());

      FileRange elsewhere = resolver.resolve("/etc/passwd", 0, 10);
      assertEquals(fs.getUri().getScheme(), elsewhere.path().toUri().getScheme());
      assertThrows(ChunkFetchException.class, () -> r.read(elsewhere));
    }
    LocationNotAllowedException e = assertThrows(LocationNotAllowedException.class,
        () -> resolver.resolve("file:/etc/passwd", 0, 10));
    assertTrue(e.getMessage().contains(lindi.toString()), e.getMessage());
  }
}
