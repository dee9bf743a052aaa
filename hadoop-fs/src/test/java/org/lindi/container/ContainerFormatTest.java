package org.lindi.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

/** SPEC section 2: containers are recognised by content, never by name. */
@Timeout(30)
class ContainerFormatTest {
  @TempDir
  Path dir;

  private static byte[] lindi1Head(String json) {
    return Arrays.copyOf(json.getBytes(UTF_8), 1024);
  }

  private static byte[] ustarHead(String magic) {
    byte[] b = new byte[1024];
    System.arraycopy(magic.getBytes(UTF_8), 0, b, 257, magic.length());
    return b;
  }

  static Stream<Arguments> recognised() {
    return Stream.of(
        Arguments.of("lindi1 header", lindi1Head(
            "{\"format\": \"lindi1\", \"rfs_start\": 1024, \"rfs_size\": 2, \"rfs_padding\": 0}"),
            ContainerFormat.LINDI1),
        Arguments.of("compact lindi1 header", lindi1Head("{\"rfs_start\":1024,\"format\":\"lindi1\"}"),
            ContainerFormat.LINDI1),
        Arguments.of("lindi1 header that does not parse", lindi1Head(
            "{\"format\": \"lindi1\", \"rfs_start\": 1O24"), ContainerFormat.LINDI1),
        Arguments.of("json", "{\"refs\": {}}".getBytes(UTF_8), ContainerFormat.JSON),
        Arguments.of("indented json", "\n  \t{\n \"refs\": {}}".getBytes(UTF_8), ContainerFormat.JSON),
        Arguments.of("json with a BOM", "\ufeff{\"refs\": {}}".getBytes(UTF_8), ContainerFormat.JSON),
        Arguments.of("json named format lindi1, without NULs",
            "{\"format\": \"lindi1\", \"refs\": {}}".getBytes(UTF_8), ContainerFormat.JSON),
        Arguments.of("posix ustar", ustarHead("ustar\u000000"), ContainerFormat.TAR),
        Arguments.of("gnu tar", ustarHead("ustar  \u0000"), ContainerFormat.TAR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recognised")
  void recognisesTheContainerByItsFirstBytes(String what, byte[] head, ContainerFormat expected)
      throws IOException {
    Path file = dir.resolve("misleading.name.lindi.tar");
    Files.write(file, head);
    assertEquals(expected, ContainerFormat.detect(fs(), Fixtures.hadoopPath(file)));
  }

  static Stream<Arguments> unrecognised() {
    byte[] hdf5 = Arrays.copyOf(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 2048);
    return Stream.of(
        Arguments.of("empty file", new byte[0], "empty file"),
        Arguments.of("hdf5", hdf5, "not a LINDI container"),
        Arguments.of("text", "hello".getBytes(UTF_8), "not a LINDI container"),
        Arguments.of("json array", "[1, 2]".getBytes(UTF_8), "not a LINDI container"),
        Arguments.of("NUL-padded header of another format",
            lindi1Head("{\"format\": \"lindi2\", \"rfs_start\": 1024}"), "is not \"lindi1\""),
        Arguments.of("json with a NUL", "{\"refs\": {}}\0".getBytes(UTF_8), "is not \"lindi1\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unrecognised")
  void anythingElseIsAFormatErrorNamingTheFile(String what, byte[] head, String reason)
      throws IOException {
    Path file = dir.resolve("x.lindi");
    Files.write(file, head);
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> ContainerFormat.detect(fs(), Fixtures.hadoopPath(file)));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.context().file().endsWith("x.lindi"), e.getMessage());
  }

  @Test
  void aDirectoryHoldingLindiJsonIsADotLindiDotD() throws IOException {
    Path d = Files.createDirectory(dir.resolve("plain-name"));
    Files.writeString(d.resolve("lindi.json"), "{\"refs\": {}}");
    assertEquals(ContainerFormat.DIR, ContainerFormat.detect(fs(), Fixtures.hadoopPath(d)));
  }

  @Test
  void aDirectoryWithoutLindiJsonIsAFormatError() throws IOException {
    Path d = Files.createDirectory(dir.resolve("x.lindi.d"));
    Files.createDirectory(d.resolve("lindi.json.d"));
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> ContainerFormat.detect(fs(), Fixtures.hadoopPath(d)));
    assertTrue(e.getMessage().contains("without lindi.json"), e.getMessage());
  }

  @Test
  void detectReadsOnlyTheFirstKilobyte() throws IOException {
    Path file = dir.resolve("big.lindi.json");
    byte[] doc = new byte[4 << 20];
    Arrays.fill(doc, (byte) ' ');
    doc[0] = '{';
    Files.write(file, doc);
    FileSystem fs = fs();
    long before = bytesRead();
    assertEquals(ContainerFormat.JSON, ContainerFormat.detect(fs, Fixtures.hadoopPath(file)));
    assertTrue(bytesRead() - before < 256 << 10, "read " + (bytesRead() - before) + " bytes");
    // The counter does see reads: reading the whole file moves it by its size.
    long mid = bytesRead();
    try (java.io.InputStream in = fs.open(Fixtures.hadoopPath(file))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertTrue(bytesRead() - mid >= doc.length, "counter moved by " + (bytesRead() - mid));
  }

  static long bytesRead() {
    return FileSystem.getAllStatistics().stream()
        .mapToLong(s -> s.getThreadStatistics().getBytesRead()).sum();
  }

  private static FileSystem fs() throws IOException {
    return FileSystem.getLocal(Fixtures.CONF);
  }
}
