package org.lindi.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.LindiArray;
import org.lindi.LindiFile;

/**
 * A writer killed with SIGKILL at random moments, again and again on the same file: after every
 * kill the file opens with the project's reader and holds exactly the state of one commit, the
 * last one or an earlier one, and a new writer carries on from it.
 */
class CrashSafetyTest {
  private static final Configuration CONF = new Configuration();

  @TempDir(factory = ShmTempDir.class)
  Path dir;

  /** Two files are hammered at once (one child per core), each by {@code kills / 2} kills. */
  @ParameterizedTest(name = "{0}: {1} kills")
  @CsvSource({"crash.lindi, 50, 8192", "crash.lindi.tar, 12, 8192"})
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void everyKillLeavesACommittedState(String name, int kills, long region) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Path file = dir.resolve(i + "-" + name);
        long seed = 42 + i;
        runs.add(pool.submit(() -> killLoop(file, region, kills / 2, seed)));
      }
      int total = 0;
      for (Future<Integer> r : runs) {
        total += r.get();
      }
      assertTrue(total >= kills, "only " + total + " kills");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Starts, kills and checks a writer on {@code file} {@code kills} times; returns the kills. */
  private int killLoop(Path file, long region, int kills, long seed) throws Exception {
    Random random = new Random(seed);
    // about 45 s on an idle 2-core machine; the margin is for a loaded one (each kill starts a JVM)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    long lastCommit = 0;
    Set<Long> rfsStarts = new HashSet<>();
    List<Long> states = new ArrayList<>();
    int done = 0;
    boolean lindi1 = !file.toString().endsWith(".tar");
    while (done < kills && System.nanoTime() < deadline) {
      Process child = start(file, region);
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
          fail("child did not start: " + ready + "\n" + new String(
              child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(lastCommit, Long.parseLong(ready.substring(6)),
            "a new writer starts from the state found");
        // wait for one commit of this writer, so kills make progress however loaded the machine is,
        // then kill at a random moment of the commits that follow
        String first = out.readLine();
        assertTrue(first != null && first.startsWith("COMMIT "), "child stopped: " + first);
        Thread.sleep(random.nextInt(100));
      } finally {
        child.destroyForcibly();
      }
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      done++;
      long c = check(file);
      assertTrue(c >= lastCommit, "commit " + c + " after " + lastCommit);
      lastCommit = c;
      states.add(c);
      if (lindi1) {
        rfsStarts.add(Lindi1WriterTest.header(file).rfsStart());
      }
    }
    assertTrue(lastCommit >= kills, "every run commits at least once: " + states);
    if (lindi1) {
      assertTrue(rfsStarts.size() > 3, "the RFS should have moved and relocated: " + rfsStarts);
    }
    return done;
  }

  private Process start(Path file, long region) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(),
        file.toString(), String.valueOf(region));
    pb.redirectError(ProcessBuilder.Redirect.PIPE);
    return pb.start();
  }

  /** Opens the file and checks it is exactly the state of one commit; returns that commit. */
  static long check(Path file) throws Exception {
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), CONF)) {
      long c = f.root().attributes().path("commit").asLong(0);
      LindiArray shared = f.array("shared");
      byte[] first = shared.read(new long[] {0}, new long[] {CrashWriterMain.CHUNK}).bytes();
      if (c > 0) {
        assertArrayEquals(java.util.Arrays.copyOf(CrashWriterMain.values(c), CrashWriterMain.CHUNK * 4),
            first, "shared chunk 0 of commit " + c);
      }
      for (long j = Math.max(1, c - CrashWriterMain.KEEP + 1); j <= c; j++) {
        LindiArray a = f.array("c" + j);
        assertEquals(j, a.attributes().get("commit").asLong());
        assertArrayEquals(CrashWriterMain.values(j), a.read().bytes(), "array c" + j + " at commit " + c);
      }
      assertNull(f.node("c" + (c + 1)), "nothing of a later commit");
      if (c > CrashWriterMain.KEEP) {
        assertNull(f.node("c" + (c - CrashWriterMain.KEEP)), "deleted at commit " + c);
      }
      assertNotNull(f.node(""));
      return c;
    }
  }
}
