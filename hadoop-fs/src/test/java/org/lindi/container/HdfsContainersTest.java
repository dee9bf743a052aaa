package org.lindi.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;
import org.lindi.error.LindiFormatException;

/** The containers read through any Hadoop FileSystem: the same fixtures, served by HDFS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class HdfsContainersTest {
  @TempDir
  static Path base;

  private MiniDFSCluster cluster;
  private FileSystem hdfs;

  @BeforeAll
  void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File(base.toFile(), "dfs").getAbsolutePath());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = cluster.getFileSystem();
    hdfs.copyFromLocalFile(Fixtures.hadoopPath(Fixtures.dir()), new org.apache.hadoop.fs.Path("/f"));
  }

  @AfterAll
  void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lindi1/pr88_example.lindi", "lindi1/groups_attrs.lindi",
      "native/native.lindi.tar", "native/native_grown.lindi.tar", "native/native.lindi.d",
      "zarr/codecs.lindi.json", "nwb/ephys_session.lindi.tar"})
  void opensTheSameAsOnTheLocalFileSystem(String name) throws IOException {
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path("/f/" + name);
    try (LindiContainer onHdfs = LindiContainer.open(hdfs, remote);
        LindiContainer local = LindiContainer.open(Fixtures.hadoopPath(Fixtures.file(name)),
            Fixtures.CONF)) {
      assertEquals("hdfs", onHdfs.location().toUri().getScheme());
      assertEquals(local.format(), onHdfs.format());
      assertEquals(local.rfs(), onHdfs.rfs());
      for (String key : local.rfs().keys()) {
        var ref = local.rfs().get(key);
        if (ref.isInline() || local.resolveInternal(ref.url()) == null) {
          continue;
        }
        FileRange l = local.resolveInternal(ref.url());
        FileRange h = onHdfs.resolveInternal(ref.url());
        assertEquals(l.offset(), h.offset(), key);
        assertEquals(l.length(), h.length(), key);
        assertTrue(h.path().toString().startsWith("hdfs://"), h.toString());
      }
    }
  }

  @Test
  void theBrokenFilesFailTheSameWay() {
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> LindiContainer.open(hdfs, new org.apache.hadoop.fs.Path("/f/broken/truncated.lindi")));
    assertTrue(e.getMessage().contains("truncated file") && e.getMessage().contains("hdfs://"),
        e.getMessage());
  }
}
