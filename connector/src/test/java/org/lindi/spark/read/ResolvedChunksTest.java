package org.lindi.spark.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.io.UrlResolver;

/**
 * The chunks of a partition, resolved on the driver, read back as their refs say, whichever
 * columns they need: one file and int lengths (the common case), or several files, missing and
 * inline chunks and lengths past 2 GB; and the same after Java serialisation (as tasks carry them).
 */
@Timeout(30)
class ResolvedChunksTest {
  @TempDir
  Path dir;

  /** A 1-D array of {@code refs.length} chunks of one element, chunk i with the JSON ref refs[i] (null: none). */
  private ResolvedChunks resolved(String... refs) throws IOException {
    StringBuilder json = new StringBuilder("{\"version\": 1, \"refs\": {\".zgroup\": {\"zarr_format\": 2},"
        + " \"x/.zarray\": {\"shape\": [" + refs.length + "], \"chunks\": [1], \"dtype\": \"<i2\","
        + " \"compressor\": null, \"filters\": null, \"fill_value\": 0, \"order\": \"C\", \"zarr_format\": 2}");
    for (int i = 0; i < refs.length; i++) {
      if (refs[i] != null) {
        json.append(", \"x/").append(i).append("\": ").append(refs[i]);
      }
    }
    json.append("}}");
    Path file = dir.resolve("r.lindi.json");
    Files.write(file, json.toString().getBytes(UTF_8));
    Configuration conf = new Configuration();
    LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), conf);
    LindiArray a = f.array("x");
    ArraySpec spec = ArraySpec.of(file.toString(), a);
    UrlResolver resolver = UrlResolver.fromOptions(f.container(), conf, null, null);
    return new ResolvedChunks.Builder(spec, resolver, 2).add(a.chunkLocator(), 0, refs.length).build();
  }

  @Test
  void chunksOfOneFileReadAsTheirRefs() throws Exception {
    ResolvedChunks r = resolved("[\"a.bin\", 0, 2]", "[\"a.bin\", 2, 2]", "[\"a.bin\", 40, 7]");
    assertEquals(3, r.size());
    for (ResolvedChunks c : new ResolvedChunks[] {r, roundTrip(r)}) {
      assertTrue(c.location(0).endsWith("/a.bin"), c.location(0));
      assertEquals(c.location(0), c.location(2));
      assertEquals(40, c.offset(2));
      assertEquals(7, c.length(2));
      assertEquals(11, c.storedBytes(0, 3));
      assertFalse(c.isMissing(1) || c.isInline(1));
    }
    assertEquals(r, roundTrip(r));
  }

  @Test
  void chunksOfSeveralKindsReadAsTheirRefs() throws Exception {
    ResolvedChunks r = resolved("[\"a.bin\", 0, 2]", "[\"b.bin\", 5, 2]", null, "\"base64:AQI=\"",
        "[\"a.bin\", 10, 3000000000]", "[\"a.bin\", 20, 2]");
    assertEquals(6, r.size());
    for (ResolvedChunks c : new ResolvedChunks[] {r, roundTrip(r)}) {
      assertTrue(c.location(0).endsWith("/a.bin"), c.location(0));
      assertTrue(c.location(1).endsWith("/b.bin"), c.location(1));
      assertEquals(5, c.offset(1));
      assertTrue(c.isMissing(2));
      assertTrue(c.isInline(3));
      assertArrayEquals(new byte[] {1, 2}, c.inlineBytes(3));
      assertEquals(3_000_000_000L, c.length(4));
      assertEquals(c.location(0), c.location(5));
      assertEquals(2, c.length(5));
      assertEquals(2 + 2 + 3_000_000_000L + 2, c.storedBytes(0, 6));
    }
    assertEquals(r, roundTrip(r));
  }

  private static ResolvedChunks roundTrip(ResolvedChunks r) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(r);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ResolvedChunks) in.readObject();
    }
  }
}
