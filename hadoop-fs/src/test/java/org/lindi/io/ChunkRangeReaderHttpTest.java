package org.lindi.io;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The range-read contract over http, through {@link HttpRangeFileSystem} and its vectored reads. */
class ChunkRangeReaderHttpTest extends RangeReadContract {
  private static RangeHttpServer server;
  private static Configuration conf;

  @BeforeAll
  static void startServer() throws IOException {
    server = new RangeHttpServer();
    conf = HttpRangeFileSystemTest.fastConf();
  }

  @AfterAll
  static void stopServer() throws IOException {
    FileSystem.get(URI.create(server.base()), conf).close();
    server.close();
  }

  @Override
  Path store(String name, byte[] data) {
    server.put(name, data);
    return new Path(server.base() + "/files/" + name);
  }

  @Override
  Configuration conf() {
    return conf;
  }

  @Override
  Path missing() {
    return new Path(server.base() + "/files/missing.bin");
  }
}
