package org.lindi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lindi.Fixtures;

/** The Spark-free CLI: output of each command and its exit codes. */
class LindiCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LindiCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sampleShowsTheTreeAndValues() {
    assertEquals(0, run());
    assertTrue(out().contains("data  <i2 [3000, 16] chunks [1000, 16]"), out());
    assertTrue(out().contains("0\t-10 -11 17 5 8 -15 0 32 65 -11 -50 -37 9 9 25 4"), out());
  }

  @Test
  void infoListsArraysLinksAndStorage() {
    assertEquals(0, run("info", Fixtures.file("h5conv/sample.lindi.json").toString()));
    assertTrue(out().contains("link_to_data -> /acquisition/ephys/data"), out());
    assertTrue(out().contains("zlib_ds  <u2 [4000] chunks [1000] [filter {\"id\":\"zlib\",\"level\":9}], 4/4 chunks stored, 6.0 KiB"), out());
    assertTrue(out().contains("many_chunks  <i4 [3000] chunks [100] [] external sample.h5:acquisition/ephys/many_chunks"), out());
  }

  @Test
  void catPrintsRowsOfStringsAndNumbers() {
    String file = Fixtures.file("h5conv/sample.lindi.json").toString();
    assertEquals(0, run("cat", file, "vlen_strings", "--rows", "1:3"));
    assertEquals("1\tbeta\n2\tgamma\n", out());
    assertEquals(0, run("cat", file, "scalar_f"));
    assertTrue(out().endsWith("3.25\n"), out());
  }

  @Test
  void exitCodes() {
    assertEquals(2, run("nope"));
    assertEquals(2, run("cat", "x"));
    assertEquals(2, run("cat", "a", "b", "--rows", "5"));
    assertEquals(1, run("info", Fixtures.file("broken/bad_header.lindi").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("invalid lindi1 header"));
    assertEquals(1, run("info", "/nonexistent/file.lindi"));
  }
}
