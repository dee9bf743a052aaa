package org.lindi.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * zarr-python and numcodecs (Debian's {@code /usr/bin/python3}, through
 * {@code src/test/python/check_lindi_zarr.py}) read a synthetic session's samples, written with the
 * pure-Java Blosc encoder, and its spike times to the values the generator computed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyntheticSessionZarrTest {
  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void zarrPythonReadsTheSamplesAndSpikeTimes(@TempDir Path dir) throws Exception {
    assumeTrue(pythonHasZarr(), PYTHON + " with zarr and numcodecs is not installed");
    SyntheticSession s = SyntheticSession.builder().channels(5).seconds(2.2).seed(21).build();
    Path file = dir.resolve("session.nwb.lindi");
    s.write(file);
    short[] samples = s.samples(0, (int) s.samples());
    ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short v : samples) {
      data.putShort(v);
    }
    int spikes = s.units().stream().mapToInt(InjectedUnit::spikeCount).sum();
    ByteBuffer times = ByteBuffer.allocate(spikes * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (InjectedUnit u : s.units()) {
      for (double t : u.spikeTimes(s.rate())) {
        times.putDouble(t);
      }
    }
    Path sidecar = dir.resolve("expected.json");
    Files.writeString(sidecar, "{\"arrays\": {\"" + SyntheticSession.DATA + "\": \"" + sha256(data.array())
        + "\", \"units/spike_times\": \"" + sha256(times.array()) + "\"}}");
    Process p = new ProcessBuilder(PYTHON, "src/test/python/check_lindi_zarr.py", file.toString(), sidecar.toString())
        .redirectErrorStream(true).start();
    boolean done = p.waitFor(90, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertEquals(0, done ? p.exitValue() : -1, out);
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static boolean pythonHasZarr() {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import zarr, numcodecs, numpy").redirectErrorStream(true).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
