package org.lindi.write;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One writer per file: a second one, in this process or another, is refused with the file named. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WriteConflictTest {
  @TempDir(factory = ShmTempDir.class)
  Path dir;

  @Test
  void aSecondWriterInTheSameProcessIsRefused() throws Exception {
    Path file = dir.resolve("x.lindi");
    try (LindiWriter first = LindiWriter.openLocal(file, WriteOptions.defaults())) {
      LindiWriteConflictException e = assertThrows(LindiWriteConflictException.class,
          () -> LindiWriter.openLocal(file, WriteOptions.defaults()));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      first.createGroup("still/writable");
    }
    try (LindiWriter again = LindiWriter.openLocal(file, WriteOptions.defaults())) {
      assertTrue(again.isGroup("still/writable"), "the lock is free again after close");
    }
  }

  @Test
  void aWriterInAnotherProcessIsRefusedUntilItsHolderDies() throws Exception {
    Path file = dir.resolve("y.lindi.tar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), CrashWriterMain.class.getName(), file.toString(),
        "65536").redirectErrorStream(true).start();
    try {
      String ready = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      assertTrue(ready != null && ready.startsWith("READY"), String.valueOf(ready));
      LindiWriteConflictException e = assertThrows(LindiWriteConflictException.class,
          () -> LindiWriter.openLocal(file, WriteOptions.defaults()));
      assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("process"),
          e.getMessage());
    } finally {
      holder.destroyForcibly();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }
    // The OS released the dead holder's lock: the next writer gets in, at a committed state.
    try (LindiWriter next = LindiWriter.openLocal(file, WriteOptions.defaults())) {
      assertTrue(next.isArray("shared"));
    }
    CrashSafetyTest.check(file);
  }
}
