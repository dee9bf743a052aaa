package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.error.LocationNotAllowedException;

/** SPEC 8 rules that need a real local filesystem, and the option parsing. */
@Timeout(30)
class LocationPolicyTest {
  @TempDir
  java.nio.file.Path tmp;

  private static Path local(java.nio.file.Path p) {
    return new Path(p.toUri());
  }

  @Test
  void aSymlinkBelowTheFolderThatLeadsOutsideIsRefused() throws Exception {
    java.nio.file.Path session = Files.createDirectories(tmp.resolve("session"));
    java.nio.file.Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
    java.nio.file.Path inside = Files.writeString(session.resolve("ephys.h5"), "data");
    java.nio.file.Path link = Files.createSymbolicLink(session.resolve("link.h5"), secret);
    LocationPolicy p = new LocationPolicy(local(session.resolve("rec.lindi")), List.of());

    assertTrue(p.allows(local(inside)));
    assertFalse(p.allows(local(link)));
    assertFalse(p.allows(local(secret)));
    LocationNotAllowedException e = assertThrows(LocationNotAllowedException.class,
        () -> p.check("link.h5", local(link)));
    assertTrue(e.getMessage().contains("link.h5"), e.getMessage());
  }

  @Test
  void aSymlinkedFolderStillHoldsItsOwnFiles() throws Exception {
    java.nio.file.Path real = Files.createDirectories(tmp.resolve("real"));
    Files.writeString(real.resolve("ephys.h5"), "data");
    java.nio.file.Path alias = Files.createSymbolicLink(tmp.resolve("alias"), real);
    LocationPolicy p = new LocationPolicy(local(alias.resolve("rec.lindi")), List.of());
    assertTrue(p.allows(local(alias.resolve("ephys.h5"))));
  }

  @Test
  void aLinkIntoAnAllowedLocationIsAllowed() throws Exception {
    java.nio.file.Path shared = Files.createDirectories(tmp.resolve("shared"));
    java.nio.file.Path session = Files.createDirectories(tmp.resolve("session"));
    java.nio.file.Path target = Files.writeString(shared.resolve("x.h5"), "x");
    LocationPolicy p = new LocationPolicy(local(session.resolve("rec.lindi")),
        List.of(shared.toUri().toString()));
    assertTrue(p.allows(local(target)));
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(value = {
      "''|''",
      "' , '|''",
      "file:/a|file:/a",
      "file:/a, /b ,,s3a://x/|file:/a;/b;s3a://x/",
  }, delimiter = '|')
  void allowedLocationsOptionIsACommaList(String option, String expected) {
    List<String> got = LocationPolicy.parseAllowedLocations(option);
    assertEquals(expected, String.join(";", got));
  }

  @Test
  void withinComparesWholeSegments() {
    assertTrue(LocationPolicy.within(new Path("file:/a/b/c"), new Path("file:/a/b")));
    assertTrue(LocationPolicy.within(new Path("file:/a/b"), new Path("file:/a/b")));
    assertFalse(LocationPolicy.within(new Path("file:/a/bc"), new Path("file:/a/b")));
    assertFalse(LocationPolicy.within(new Path("hdfs://nn/a/b"), new Path("file:/a")));
    assertFalse(LocationPolicy.within(new Path("hdfs://nn2/a/b"), new Path("hdfs://nn/a")));
    assertTrue(LocationPolicy.within(new Path("S3A://Bucket/a"), new Path("s3a://bucket/")));
  }

  @Test
  void theLocationMustBeQualified() {
    assertThrows(IllegalArgumentException.class,
        () -> new LocationPolicy(new Path("/data/rec.lindi"), List.of()));
  }
}
