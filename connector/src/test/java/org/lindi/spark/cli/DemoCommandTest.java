package org.lindi.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.LindiFile;
import org.lindi.sample.SyntheticSession;
import org.lindi.spark.SharedSpark;

/** {@code lindi demo} end to end at a small size: its numbers agree with the units table and the raw data. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DemoCommandTest {
  private static final Pattern SUMMARY = Pattern.compile("spikes: (\\d+) crossings on the (\\d+) channels with a unit, "
      + "the units table lists (\\d+) \\([0-9.]+%\\); (\\d+) crossing\\(s\\) on the (\\d+) channels without");
  private static final Pattern CHECK = Pattern.compile("check: LFP row 0, channel 0 = (-?[0-9.]+) uV; .* = (-?[0-9.]+) uV");

  @Test
  void theDemoFindsTheInjectedSpikesAndWritesTheLfpBack(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).in(SharedSpark.session()).quiet()
        .run(new String[] {"--dir", dir.toString(), "--channels", "6", "--seconds", "3", "--seed", "4"});
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text + err.toString(StandardCharsets.UTF_8));
    for (int s = 1; s <= 7; s++) {
      assertTrue(text.contains("[" + s + "/7] "), "step " + s + " in\n" + text);
    }
    Matcher m = SUMMARY.matcher(text);
    assertTrue(m.find(), text);
    long found = Long.parseLong(m.group(1));
    long injected = Long.parseLong(m.group(3));
    assertEquals(3, Integer.parseInt(m.group(2)));
    SyntheticSession same = SyntheticSession.builder().channels(6).seconds(3).seed(4).build();
    assertEquals(same.units().stream().mapToInt(u -> u.spikeCount()).sum(), injected, "the units table lists the spikes");
    assertTrue(Math.abs(found - injected) <= Math.max(2, injected / 50), found + " crossings for " + injected + " spikes");
    assertTrue(Long.parseLong(m.group(4)) <= 3, "crossings on channels without a unit: " + m.group(4));

    Matcher check = CHECK.matcher(text);
    assertTrue(check.find(), text);
    assertEquals(Double.parseDouble(check.group(2)), Double.parseDouble(check.group(1)), 0.01);
    assertTrue(text.contains("3000 rows x 6 channels"), text);

    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(dir.resolve("session.nwb.lindi").toUri()),
        new Configuration())) {
      assertArrayEquals(new long[] {3000, 6}, f.array(DemoCommand.LFP).shape());
      assertEquals(1000.0, f.array(DemoCommand.LFP).attributes().get("rate").asDouble());
    }
    assertTrue(Files.exists(dir.resolve("session.nwb.lindi")), "--dir keeps the session");
  }

  @Test
  void crossingsAcrossManySmallChunksEqualOneScanOfTheWholeRecording(@TempDir Path dir) throws IOException {
    SyntheticSession s = SyntheticSession.builder().channels(3).seconds(1).seed(8).chunkRows(150).units(3).build();
    Path file = dir.resolve("small-chunks.lindi");
    s.write(file);
    int rows = (int) s.samples();
    short[] all = s.samples(0, rows);
    HighPassScan whole = new HighPassScan(3, rows);
    NoiseHistogram hist = new NoiseHistogram(3);
    double[] sumSquares = new double[3];
    whole.scan(all, 0, rows, 0, rows, hist, sumSquares, 0, 0, null, null);
    double[] thresholds = {5 * hist.sigma(0), 5 * hist.sigma(1), 5 * hist.sigma(2)};
    long[] expected = new long[3];
    whole.scan(all, 0, rows, 0, 0, null, null, 0, rows, thresholds, expected);

    RecordingChunks chunks = RecordingChunks.read(SharedSpark.session(), file.toUri().toString(), SyntheticSession.DATA, 3);
    ChannelActivity activity = new ChannelActivity(chunks, SyntheticSession.DATA, rows, 3, 150);
    ChannelActivity.Noise noise = activity.noise();
    assertEquals(200, activity.chunkCount());
    for (int c = 0; c < 3; c++) {
      assertEquals(hist.sigma(c), noise.sigma[c], 1e-9, "noise of channel " + c);
      assertEquals(Math.sqrt(sumSquares[c] / rows), noise.rms[c], 1e-9, "rms of channel " + c);
    }
    assertArrayEquals(expected, activity.crossings(thresholds));
    assertTrue(expected[0] + expected[1] + expected[2] > 10, "spikes to count");
    chunks.release();
  }
}
