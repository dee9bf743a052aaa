package org.lindi.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.spark.SharedSpark;
import org.lindi.zarr.DType;

/**
 * The same writes on a real HDFS (MiniDFSCluster on 127.0.0.1), where a commit writes a new file
 * and renames it over the old one: create, append (extend and merge), ErrorIfExists, read back with
 * the read connector, and nothing left in the folder but the file.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HdfsSaveTest {
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
    root = "hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/out/";
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h.lindi", "h.lindi.tar"})
  void writesAndAppendsOnHdfs(String name) throws Exception {
    SparkSession spark = SharedSpark.session();
    String target = root + name;
    String ds = "processing/lfp/data";
    WriteFixtures.frame(spark, 0, 700, 4, DataTypes.FloatType).write().format("lindi")
        .option("dataset", ds).option("chunks", "256").save(target);
    WriteFixtures.frame(spark, 700, 1000, 4, DataTypes.FloatType).write().format("lindi")
        .option("dataset", ds).mode(SaveMode.Append).save(target);
    assertThrows(Exception.class, () -> WriteFixtures.frame(spark, 0, 10, 4, DataTypes.FloatType)
        .write().format("lindi").option("dataset", ds).save(target));

    List<Row> rows = spark.read().format("lindi").option("dataset", ds).load(target)
        .orderBy("index").collectAsList();
    assertEquals(1000, rows.size());
    for (int i = 0; i < 1000; i += 37) {
      assertEquals((float) WriteFixtures.element(i, 3), ((Number) rows.get(i).getList(1).get(3)).floatValue());
    }
    FileSystem fs = cluster.getFileSystem();
    Path local = base.resolve("copy-" + name);
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(target))) {
      Files.copy(in, local);
    }
    assertArrayEquals(WriteFixtures.expected(0, 1000, 4, DType.parse("<f4")), WriteFixtures.read(local, ds));
    List<String> left = new ArrayList<>();
    for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path(root))) {
      String n = s.getPath().getName();
      if (n.contains("staging") || n.endsWith(".uploading")) {
        left.add(n);
      }
    }
    assertEquals(List.of(), left);
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path(root + "." + name + ".creating")));
  }
}
