package org.lindi.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.Fixtures;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.ChunkRef;

/** SPEC section 2.1: the lindi1 header, the RFS region it points to, and what is rejected. */
@Timeout(30)
class Lindi1ContainerTest {
  private static final String RFS =
      "{\"refs\": {\".zgroup\": {\"zarr_format\": 2}, \"x/0\": [\"{{u1}}\", 1049600, 4]}, "
          + "\"templates\": {\"u1\": \".\"}}";

  @TempDir
  Path dir;

  /** A file laid out as a new lindi1 file is: header, RFS at 1024, 1 MiB padding, one chunk. */
  private Path write(String header, byte[] region, long padding, byte[] tail) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Arrays.copyOf(header.getBytes(UTF_8), 1024));
    out.writeBytes(region);
    out.writeBytes(new byte[(int) padding]);
    out.writeBytes(tail);
    Path file = dir.resolve("f.lindi");
    Files.write(file, out.toByteArray());
    return file;
  }

  private static String header(long start, long size, long padding) {
    return "{\"format\": \"lindi1\", \"rfs_start\": " + start + ", \"rfs_size\": " + size
        + ", \"rfs_padding\": " + padding + "}";
  }

  private Path valid() throws IOException {
    byte[] rfs = RFS.getBytes(UTF_8);
    return write(header(1024, rfs.length, 1048576 - rfs.length), rfs, 1048576 - rfs.length,
        new byte[] {1, 2, 3, 4});
  }

  private static Lindi1Container open(Path file) throws IOException {
    return Lindi1Container.open(FileSystem.getLocal(Fixtures.CONF), Fixtures.hadoopPath(file));
  }

  @Test
  void opensTheRfsTheHeaderPointsTo() throws IOException {
    Path file = valid();
    try (LindiContainer c = LindiContainer.open(Fixtures.hadoopPath(file), Fixtures.CONF)) {
      assertEquals(ContainerFormat.LINDI1, c.format());
      assertEquals(ChunkRef.range(".", 1049600, 4), c.rfs().get("x/0"));
      assertEquals(new Lindi1Header(1024, RFS.length(), 1048576 - RFS.length()),
          ((Lindi1Container) c).header());
    }
  }

  @Test
  void dotIsTheWholeFileAndNothingElseIsInternal() throws IOException {
    try (Lindi1Container c = open(valid())) {
      assertEquals(FileRange.wholeFile(c.location()), c.resolveInternal("."));
      assertNull(c.resolveInternal("./blobs/x"));
      assertNull(c.resolveInternal("other.h5"));
      assertNull(c.resolveInternal("s3a://b/k"));
    }
  }

  @Test
  void nulBytesInsideTheRegionAreTolerated() throws IOException {
    // The seed writer recorded rfs_size as twice the JSON length after a relocation.
    byte[] json = RFS.getBytes(UTF_8);
    byte[] region = Arrays.copyOf(json, json.length * 2);
    Path file = write(header(1024, region.length, 100), region, 100, new byte[0]);
    try (Lindi1Container c = open(file)) {
      assertEquals(2, c.rfs().size());
    }
  }

  @Test
  void anRfsRelocatedToTheEndOpens() throws IOException {
    // The old region is overwritten with NULs; the header points past the chunks.
    byte[] json = RFS.getBytes(UTF_8);
    byte[] chunks = new byte[5000];
    Path file = write(header(1024 + 2000 + 5000, json.length, 0), new byte[2000], 0,
        concat(chunks, json));
    try (Lindi1Container c = open(file)) {
      assertEquals(2, c.rfs().size());
    }
  }

  static Stream<Arguments> rejected() {
    byte[] json = RFS.getBytes(UTF_8);
    int n = json.length;
    return Stream.of(
        Arguments.of("header JSON does not parse", "{\"format\": \"lindi1\", \"rfs_start\": 1O24}",
            json, "invalid lindi1 header"),
        Arguments.of("format is not lindi1", header(1024, n, 0).replace("lindi1", "lindi2"),
            json, "invalid lindi1 header"),
        Arguments.of("format missing", "{\"rfs_start\": 1024, \"rfs_size\": " + n + "}", json,
            "invalid lindi1 header"),
        Arguments.of("rfs_start inside the header", header(512, n, 0), json, "invalid lindi1 header"),
        Arguments.of("rfs_size negative", header(1024, -5, 0), json, "invalid lindi1 header"),
        Arguments.of("rfs_size not an integer", header(1024, n, 0).replace(" " + n + ",", " 1.5,"),
            json, "invalid lindi1 header"),
        Arguments.of("header not an object", "[1024]", json, "invalid lindi1 header"),
        Arguments.of("RFS region past the end", header(1024, n + 100, 0), json, "truncated file"),
        Arguments.of("RFS start past the end", header(999999, n, 0), json, "truncated file"),
        Arguments.of("padding past the end", header(1024, n, 50), json, "truncated file"),
        Arguments.of("RFS cut short", header(1024, n - 10, 0), Arrays.copyOf(json, n - 10),
            "truncated"),
        Arguments.of("garbage after the RFS JSON", header(1024, n + 3, 0), concat(json,
            "xyz".getBytes(UTF_8)), "unexpected data after"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void aBadHeaderOrRegionIsAFormatErrorNamingTheFile(String what, String header, byte[] region,
      String reason) throws IOException {
    Path file = write(header, region, 0, new byte[0]);
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> open(file));
    assertTrue(e.getMessage().contains(reason), what + ": " + e.getMessage());
    assertTrue(e.context().file().endsWith("f.lindi"), e.getMessage());
  }

  @Test
  void nonNulBytesAfterTheHeaderJsonAreRejected() throws IOException {
    byte[] head = Arrays.copyOf(header(1024, 2, 0).getBytes(UTF_8), 1024);
    head[1000] = 'x';
    Path file = dir.resolve("f.lindi");
    Files.write(file, concat(head, "{}".getBytes(UTF_8)));
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> open(file));
    assertTrue(e.getMessage().contains("invalid lindi1 header: byte 1000"), e.getMessage());
  }

  @Test
  void aFileShorterThanTheHeaderIsTruncated() throws IOException {
    Path file = dir.resolve("f.lindi");
    Files.write(file, Arrays.copyOf(header(1024, 2, 0).getBytes(UTF_8), 700));
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> open(file));
    assertTrue(e.getMessage().contains("truncated file"), e.getMessage());
  }

  @Test
  void theHeaderRoundTrips() {
    Lindi1Header h = new Lindi1Header(1024, 12345, 1048576 - 12345);
    byte[] bytes = h.toBytes();
    assertEquals(1024, bytes.length);
    assertEquals(h, Lindi1Header.parse(bytes, "x"));
    assertEquals(1024 + 1048576, h.rfsEnd());
    assertEquals(ContainerFormat.LINDI1, ContainerFormat.detect(bytes, "x"));
  }

  /**
   * Only the header and the RFS are read, never the chunks: a 64 GiB sparse file opens at once,
   * reading a few kilobytes.
   */
  @Test
  @Timeout(10)
  void opensWithoutReadingTheChunks() throws IOException {
    Path file = valid();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(64L << 30);
    }
    long before = ContainerFormatTest.bytesRead();
    try (LindiContainer c = LindiContainer.open(Fixtures.hadoopPath(file), Fixtures.CONF)) {
      assertEquals(2, c.rfs().size());
    }
    long read = ContainerFormatTest.bytesRead() - before;
    assertTrue(read < 64 << 10, "read " + read + " bytes");
  }

  @Test
  void theFixtureHeadersParse() throws IOException {
    try (Lindi1Container c = open(Fixtures.file("lindi1/pr88_example.lindi"))) {
      assertEquals(new Lindi1Header(1024, 1083, 1047493), c.header());
      byte[] chunk = new byte[13726];
      try (var in = c.fileSystem().open(c.location())) {
        in.readFully(1049600, chunk);
      }
      // A blosc frame starts at the ref's offset: version 2, and its compressed size is the ref's.
      assertEquals(2, chunk[0]);
      assertArrayEquals(new byte[] {(byte) 0x9e, 0x35, 0, 0},
          Arrays.copyOfRange(chunk, 12, 16));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
