package org.lindi.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;
import org.lindi.error.LindiFormatException;
import org.lindi.error.LocationNotAllowedException;
import org.lindi.rfs.ReferenceFileSystem;

/**
 * SPEC section 2.2: a {@code .lindi.tar} as LINDI's Python package writes it. Ranges are checked
 * against an independent tar reader (commons-compress), and the header scan stands in for a
 * missing or broken LINDI index.
 */
@Timeout(60)
class TarContainerTest {
  @TempDir
  Path dir;

  /** Every live member's bytes, as a tar reader extracts them (later members win). */
  static Map<String, byte[]> extract(Path tar) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      // cast: commons-compress before 1.25 (Spark 3.5 ships 1.23) returns ArchiveEntry
      for (TarArchiveEntry e = (TarArchiveEntry) in.getNextEntry(); e != null;
          e = (TarArchiveEntry) in.getNextEntry()) {
        if (e.isFile() && !e.getName().startsWith(".trash/")) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  static byte[] read(LindiContainer c, FileRange range) throws IOException {
    byte[] buf = new byte[(int) range.length()];
    try (FSDataInputStream in = c.fileSystem().open(range.path())) {
      in.readFully(range.offset(), buf);
    }
    return buf;
  }

  private static TarContainer open(Path tar) throws IOException {
    return TarContainer.open(FileSystem.getLocal(Fixtures.CONF), Fixtures.hadoopPath(tar));
  }

  @ParameterizedTest
  @ValueSource(strings = {"native/native.lindi.tar", "native/native_grown.lindi.tar",
      "nwb/ephys_session.lindi.tar"})
  void everyMemberResolvesToTheBytesTarExtracts(String name) throws IOException {
    Path tar = Fixtures.file(name);
    Map<String, byte[]> members = extract(tar);
    try (TarContainer c = open(tar)) {
      assertTrue(c.usedIndex(), name);
      assertEquals(members.size(), c.entryCount(), name);
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        FileRange range = c.resolveInternal("./" + m.getKey());
        assertEquals(c.location(), range.path());
        assertArrayEquals(m.getValue(), read(c, range), m.getKey());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"native/native.lindi.tar", "native/native_grown.lindi.tar",
      "nwb/ephys_session.lindi.tar"})
  void everyBlobRefReadsTheBytesOfItsBlob(String name) throws IOException {
    Path tar = Fixtures.file(name);
    Map<String, byte[]> members = extract(tar);
    int[] blobRefs = {0};
    try (TarContainer c = open(tar)) {
      c.rfs().forEachUnder("", (key, ref) -> {
        if (ref.isInline() || !ref.url().startsWith("./")) {
          return;
        }
        blobRefs[0]++;
        FileRange entry = c.resolveInternal(ref.url());
        byte[] blob = members.get(ref.url().substring(2));
        assertTrue(ref.offset() + ref.length() <= entry.length(), key);
        try {
          byte[] got = read(c, new FileRange(entry.path(), entry.offset() + ref.offset(),
              ref.length()));
          assertArrayEquals(Arrays.copyOfRange(blob, (int) ref.offset(),
              (int) (ref.offset() + ref.length())), got, key);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
    }
    if (!name.startsWith("nwb")) {
      assertTrue(blobRefs[0] > 0, name);
    }
  }

  @Test
  void trashAndSupersededVersionsAreHandledAsLindiWritesThem() throws IOException {
    try (TarContainer c = open(Fixtures.file("native/native_grown.lindi.tar"))) {
      LindiFormatException e = assertThrows(LindiFormatException.class,
          () -> c.resolveInternal("./.trash/lindi.json.nkfdmqqslb"));
      assertTrue(e.getMessage().contains(".trash/lindi.json.nkfdmqqslb"), e.getMessage());
      // The rewritten chunk points at the .v2 blob; the old blob is still a member.
      assertEquals("./blobs/grp/blosc_f4/0.0.v2", c.rfs().get("grp/blosc_f4/0.0").url());
      assertTrue(c.resolveInternal("./blobs/grp/blosc_f4/0.0").length() > 0);
    }
  }

  @Test
  void urlsThatAreNotMembers() throws IOException {
    try (TarContainer c = open(Fixtures.file("native/native.lindi.tar"))) {
      assertEquals(FileRange.wholeFile(c.location()), c.resolveInternal("."));
      assertNull(c.resolveInternal("sample.h5"));
      assertNull(c.resolveInternal("https://example.org/x.h5"));
      LindiFormatException missing = assertThrows(LindiFormatException.class,
          () -> c.resolveInternal("./blobs/nope/0"));
      assertEquals("./blobs/nope/0", missing.context().url());
      assertTrue(missing.getMessage().contains("native.lindi.tar"), missing.getMessage());
      assertThrows(LocationNotAllowedException.class, () -> c.resolveInternal("./../etc/passwd"));
      assertThrows(LocationNotAllowedException.class, () -> c.resolveInternal("./blobs//x"));
      assertThrows(LocationNotAllowedException.class, () -> c.resolveInternal("./"));
    }
  }

  private Path copy(String fixture) throws IOException {
    Path out = dir.resolve("copy.lindi.tar");
    Files.copy(Fixtures.file(fixture), out);
    return out;
  }

  private static void overwrite(Path file, long at, byte[] bytes) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(at);
      raf.write(bytes);
    }
  }

  private static byte[] spaces(String json, int size) {
    byte[] out = new byte[size];
    Arrays.fill(out, (byte) ' ');
    byte[] j = json.getBytes(UTF_8);
    System.arraycopy(j, 0, out, 0, j.length);
    return out;
  }

  /** Ways LINDI's index can be unusable; each time the header scan gives the same container. */
  @ParameterizedTest
  @ValueSource(strings = {"entry json garbage", "index outside the file", "index json garbage",
      "index without lindi.json", "stale index", "first entry renamed"})
  void aBrokenIndexFallsBackToScanningTheHeaders(String breakage) throws IOException {
    String fixture = "native/native_grown.lindi.tar";
    Path tar = copy(fixture);
    // native_grown: .tar_index.json data at 135168 (8192 bytes); lindi.json header at 101376.
    switch (breakage) {
      case "entry json garbage":
        overwrite(tar, 512, spaces("{\"index\": not json", 1024));
        break;
      case "index outside the file":
        overwrite(tar, 512, spaces("{\"index\": {\"n\": \".tar_index.json\", \"o\": 1000000, "
            + "\"d\": 1000512, \"s\": 8192}}", 1024));
        break;
      case "index json garbage":
        overwrite(tar, 135168, spaces("{\"files\": [{\"n\": ", 8192));
        break;
      case "index without lindi.json":
        overwrite(tar, 135168, spaces("{\"files\": [{\"n\": \".tar_entry.json\", \"o\": 0, "
            + "\"d\": 512, \"s\": 1024}]}", 8192));
        break;
      case "stale index":
        // lindi.json said to be where a blob is: its header names another member.
        overwrite(tar, 135168, spaces("{\"files\": [{\"n\": \"lindi.json\", \"o\": 4608, "
            + "\"d\": 5120, \"s\": 23461}]}", 8192));
        break;
      default:
        renameFirstMember(tar);
    }
    ReferenceFileSystem expected;
    try (TarContainer original = open(Fixtures.file(fixture))) {
      expected = original.rfs();
    }
    Map<String, byte[]> members = extract(Fixtures.file(fixture));
    try (TarContainer c = open(tar)) {
      assertFalse(c.usedIndex(), breakage);
      assertEquals(expected, c.rfs());
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        if (m.getKey().equals(".tar_entry.json") || m.getKey().equals(".tar_index.json")
            || m.getKey().equals(TarIndex.ENTRY_NAME)) {
          continue; // The ones broken above.
        }
        assertArrayEquals(m.getValue(), read(c, c.resolveInternal("./" + m.getKey())), m.getKey());
      }
    }
  }

  /** Renames member 0 in its header (checksum fixed), as if another tool had written the tar. */
  private static void renameFirstMember(Path tar) throws IOException {
    byte[] header = new byte[512];
    try (RandomAccessFile raf = new RandomAccessFile(tar.toFile(), "rw")) {
      raf.readFully(header);
      byte[] name = Arrays.copyOf("other.json".getBytes(UTF_8), 100);
      System.arraycopy(name, 0, header, 0, 100);
      Arrays.fill(header, 148, 156, (byte) ' ');
      long sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      byte[] checksum = String.format("%06o\0 ", sum).getBytes(UTF_8);
      System.arraycopy(checksum, 0, header, 148, 8);
      raf.seek(0);
      raf.write(header);
    }
  }

  @Test
  void whenTheIndexAndTheHeadersAreBothBrokenTheErrorSaysSo() throws IOException {
    Path tar = copy("native/native_grown.lindi.tar");
    overwrite(tar, 512, spaces("{\"index\": not json", 1024));
    // Corrupt the size field of the header of blobs/grp/blosc_f4/1.0 (at 28672): bad checksum.
    overwrite(tar, 28672 + 124, "77777777777".getBytes(UTF_8));
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> open(tar));
    String m = e.getMessage();
    assertTrue(m.contains("tar index is unusable") && m.contains("scanning the ustar headers failed")
        && m.contains("at byte 28672") && m.contains("checksum") && m.contains("copy.lindi.tar"), m);
  }

  @Test
  void aHeaderClaimingMoreBytesThanTheFileHoldsIsRejected() throws IOException {
    Path tar = dir.resolve("big.lindi.tar");
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
      add(out, "lindi.json", "{\"refs\": {}}".getBytes(UTF_8));
      add(out, "blobs/x", new byte[4000]);
    }
    try (RandomAccessFile raf = new RandomAccessFile(tar.toFile(), "rw")) {
      raf.setLength(512 + 512 + 512 + 1000); // Cut inside blobs/x.
    }
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> open(tar));
    assertTrue(e.getMessage().contains("past the end of the file"), e.getMessage());
  }

  /** A tar written by another tool, without LINDI's index, with long names in pax or GNU form. */
  @ParameterizedTest
  @ValueSource(ints = {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU})
  void aTarWithoutLindisIndexOpensByScanningItsHeaders(int longNames) throws IOException {
    String longKey = "processing/ecephys/LFP/ElectricalSeries_with_a_very_long_name_for_testing"
        + "/data/0.0";
    byte[] blob = new byte[3000];
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) (i * 7);
    }
    String rfs = "{\"refs\": {\".zgroup\": {\"zarr_format\": 2}, \"" + longKey
        + "\": [\"./blobs/" + longKey + "\", 100, 2000]}}";
    Path tar = dir.resolve("foreign.lindi.tar");
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
      out.setLongFileMode(longNames);
      add(out, "blobs/" + longKey, blob);
      add(out, "lindi.json", rfs.getBytes(UTF_8));
      add(out, ".trash/blobs/old", new byte[10]);
    }
    try (LindiContainer c = LindiContainer.open(Fixtures.hadoopPath(tar), Fixtures.CONF)) {
      assertEquals(ContainerFormat.TAR, c.format());
      assertFalse(((TarContainer) c).usedIndex());
      assertEquals(2, ((TarContainer) c).entryCount());
      FileRange range = c.resolveInternal(c.rfs().get(longKey).url());
      assertArrayEquals(blob, read(c, range));
      assertThrows(LindiFormatException.class, () -> c.resolveInternal("./.trash/blobs/old"));
    }
  }

  private static void add(TarArchiveOutputStream out, String name, byte[] data) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    out.putArchiveEntry(e);
    out.write(data);
    out.closeArchiveEntry();
  }

  @Test
  void openingReadsTheIndexAndRfsNotTheBlobs() throws IOException {
    Path tar = Fixtures.file("native/native_grown.lindi.tar");
    long before = ContainerFormatTest.bytesRead();
    try (TarContainer c = open(tar)) {
      assertTrue(c.usedIndex());
    }
    long read = ContainerFormatTest.bytesRead() - before;
    // Entry (1 KiB), index (8 KiB), lindi.json (32 KiB), a header, plus read-ahead buffers.
    assertTrue(read < 100_000 && read < Files.size(tar) / 2, "read " + read + " bytes");
  }
}
