package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.Fixtures;

/**
 * Reads from a real HDFS (MiniDFSCluster on 127.0.0.1) with the fixtures copied into it give the
 * manifest's results: lindi1, tar and directory containers, and {@code .lindi.json} files whose
 * relative refs point at an HDF5 file beside them on HDFS.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HdfsTest {
  @TempDir
  static Path base;
  private static MiniDFSCluster cluster;
  private static String root;

  @BeforeAll
  static void startHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    FileSystem fs = cluster.getFileSystem();
    root = "hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/fixtures/";
    for (String dir : new String[] {"nwb", "lindi1", "native", "zarr"}) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Fixtures.dir().resolve(dir).toUri()),
          new org.apache.hadoop.fs.Path(root + dir));
    }
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  void containersOnHdfsMatchTheManifest() {
    var spark = SharedSpark.session();
    ManifestCheck.assertArray(spark, root + "nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.json",
        "acquisition/ElectricalSeries/data");
    ManifestCheck.assertArray(spark, root + "nwb/ephys_session.lindi.tar", "nwb/ephys_session.lindi.tar",
        "general/extracellular_ephys/electrodes/group");
    ManifestCheck.assertArray(spark, root + "lindi1/pr88_example.lindi", "lindi1/pr88_example.lindi", "data");
    ManifestCheck.assertArray(spark, root + "native/native.lindi.d", "native/native.lindi.d", "grp/blosc_f4");
    ManifestCheck.assertArray(spark, root + "zarr/layouts.lindi.json", "zarr/layouts.lindi.json", "dtypes/be_f8");
  }

  @Test
  void globsAndFileOnHdfs() {
    List<Row> files = SharedSpark.session().read().format("lindi").option("dataset", "grp/gzip_i2")
        .load(root + "native/native*.lindi.tar").select("_file").distinct().orderBy("_file").collectAsList();
    assertEquals(2, files.size());
    assertTrue(files.get(0).getString(0).startsWith("hdfs://"), files.toString());
  }
}
