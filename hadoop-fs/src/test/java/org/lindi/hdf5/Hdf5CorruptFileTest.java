package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;

/**
 * Corrupt files (truncated, a signature flipped, an address past the end, random bytes changed)
 * give a {@link LindiException} naming the file and the structure, quickly; never a hang, an
 * out-of-memory error or an index error.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Hdf5CorruptFileTest {

  static byte[] bytes(String file) {
    try {
      return Files.readAllBytes(Sidecars.h5(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> datasetPaths(String file) {
    List<String> out = new ArrayList<>();
    Sidecars.sidecar(file).get("datasets").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Opens the bytes and locates every dataset; returns how many failed (with a LindiException). */
  static int readAll(byte[] content, List<String> paths) {
    int failures = 0;
    try (CountingFileSource source = CountingFileSource.of(content)) {
      Hdf5File h5;
      try {
        h5 = Hdf5File.open(source, "corrupt.h5");
      } catch (LindiException e) {
        assertTrue(e.getMessage().contains("corrupt.h5"), e.getMessage());
        return paths.size();
      }
      for (String p : paths) {
        try {
          h5.dataset(p).chunks();
        } catch (LindiException e) {
          assertTrue(e.getMessage().contains("corrupt.h5"), e.getMessage());
          failures++;
        }
      }
    }
    return failures;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 100, 600, 2000, 20000})
  void aTruncatedFileFailsWithAFormatError(int length) {
    byte[] content = Arrays.copyOf(bytes("latest"), length);
    try (CountingFileSource source = CountingFileSource.of(content)) {
      LindiException e = assertThrows(LindiFormatException.class, () -> {
        Hdf5File h5 = Hdf5File.open(source, "truncated.h5");
        for (String p : datasetPaths("latest")) {
          h5.dataset(p);
        }
      });
      assertTrue(e.getMessage().contains("truncated.h5"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"earliest", "latest"})
  void everyTruncationGivesAnswersOrFormatErrors(String file) {
    byte[] full = bytes(file);
    List<String> paths = datasetPaths(file);
    for (int cut = full.length - 1; cut > 0; cut = cut * 7 / 8) {
      int failures = readAll(Arrays.copyOf(full, cut), paths);
      assertTrue(failures > 0, "a file cut at " + cut + " of " + full.length + " reads completely");
    }
  }

  static Stream<Arguments> signatures() {
    return Stream.of(
        Arguments.of("earliest", "TREE", "ints/i2_le_gzip_shuffle"),
        Arguments.of("earliest", "SNOD", "crowd/member_07"),
        Arguments.of("earliest", "HEAP", "crowd/member_07"),
        Arguments.of("latest", "OHDR", "ints/i4_be_fletcher"),
        Arguments.of("latest", "FAHD", "index/fixed_gzip_shuffle"),
        Arguments.of("latest", "FADB", "index/fixed_gzip_shuffle"),
        Arguments.of("latest", "EAHD", "index/earray_gzip"),
        Arguments.of("latest", "EAIB", "index/earray_gzip"),
        Arguments.of("latest", "EADB", "index/earray_plain_sblocks"),
        Arguments.of("latest", "EASB", "index/earray_plain_sblocks"),
        Arguments.of("latest", "BTHD", "index/btree2_gzip"),
        Arguments.of("latest", "BTLF", "index/btree2_gzip"),
        Arguments.of("latest", "BTIN", "index/btree2_depth2"),
        Arguments.of("latest", "FRHP", "crowd/member_07"),
        Arguments.of("latest", "FHIB", "crowd/member_07"),
        Arguments.of("latest", "FHDB", "crowd/member_07"));
  }

  /**
   * Flips the first byte of every occurrence of a signature: the dataset that needs one of those
   * structures fails with an error naming the structure and its address.
   */
  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("signatures")
  void aFlippedSignatureIsNamedInTheError(String file, String signature, String dataset) {
    byte[] content = bytes(file);
    byte[] sig = signature.getBytes(StandardCharsets.US_ASCII);
    int flipped = 0;
    for (int i = 0; i + 4 <= content.length; i++) {
      if (Arrays.equals(content, i, i + 4, sig, 0, 4)) {
        content[i] ^= 0x20;
        flipped++;
      }
    }
    assertTrue(flipped > 0, "no " + signature + " in " + file);
    try (CountingFileSource source = CountingFileSource.of(content)) {
      Hdf5File h5 = Hdf5File.open(source, "flipped.h5");
      LindiException e = assertThrows(LindiFormatException.class, () -> h5.dataset(dataset));
      assertTrue(e.getMessage().contains("signature") && e.getMessage().contains(signature)
          && e.getMessage().contains("flipped.h5"), e.getMessage());
    }
  }

  @Test
  void anAddressPastTheEndOfTheFileIsRefusedBeforeItIsFollowed() {
    // superblock 0: the root group's object header address is at 8 + 16 + 4 * 8 + 8 = 64
    byte[] content = bytes("earliest");
    for (int i = 0; i < 8; i++) {
      content[64 + i] = (byte) (i == 4 ? 0x10 : 0); // 0x10_0000_0000: far past the end
    }
    try (CountingFileSource source = CountingFileSource.of(content)) {
      Hdf5File h5 = Hdf5File.open(source, "far.h5");
      LindiException e = assertThrows(LindiFormatException.class, () -> h5.dataset("ints/u1_plain"));
      assertTrue(e.getMessage().contains("outside the file"), e.getMessage());
    }
  }

  @Test
  void aChunkAddressPastTheEndIsRefused() {
    // the single chunk of index/single_plain: move its address in the layout message past the end
    byte[] content = bytes("latest");
    long address = Sidecars.dataset("latest", "index/single_plain").get("chunk_list").get(0).get(1)
        .asLong();
    byte[] le = new byte[8];
    for (int i = 0; i < 8; i++) {
      le[i] = (byte) (address >>> (8 * i));
    }
    int patched = 0;
    for (int i = 0; i + 8 <= content.length; i++) {
      if (Arrays.equals(content, i, i + 8, le, 0, 8)) {
        content[i + 5] = 0x7f;
        patched++;
      }
    }
    assertTrue(patched > 0);
    try (CountingFileSource source = CountingFileSource.of(content)) {
      Hdf5File h5 = Hdf5File.open(source, "far.h5");
      LindiException e = assertThrows(LindiException.class, () -> h5.dataset("index/single_plain"));
      assertTrue(e.getMessage().contains("outside the file") || e.getMessage().contains("checksum"),
          e.getMessage());
    }
  }

  /** Random bytes changed anywhere: answers or LindiExceptions, nothing else, in bounded time. */
  @ParameterizedTest
  @ValueSource(strings = {"earliest", "latest", "small_offsets", "v108"})
  void randomCorruptionGivesOnlyLindiExceptions(String file) {
    byte[] original = bytes(file);
    List<String> paths = datasetPaths(file);
    Random random = new Random(file.hashCode());
    int rounds = file.equals("latest") ? 40 : 120;
    for (int round = 0; round < rounds; round++) {
      byte[] content = original.clone();
      int changes = 1 + random.nextInt(8);
      for (int k = 0; k < changes; k++) {
        content[random.nextInt(content.length)] = (byte) random.nextInt(256);
      }
      try {
        readAll(content, paths);
      } catch (LindiException expectedKind) {
        // fine
      } catch (RuntimeException | Error e) {
        fail("round " + round + " of " + file + ": " + e, e);
      }
    }
  }
}
