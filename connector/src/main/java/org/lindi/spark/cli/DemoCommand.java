package org.lindi.spark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.sample.SyntheticSession;

/**
 * {@code lindi demo}: writes a synthetic NWB-like session (64 channels, 60 s at 30 kHz by default)
 * as a lindi1 file, then with Spark: its catalog, the units table, per-channel RMS and robust
 * noise, threshold-crossing counts per channel against the spikes the units table lists, a 1 kHz
 * LFP appended to the same file and read back. Each step prints its elapsed time.
 */
final class DemoCommand {
  static final String LFP = "processing/ecephys/LFP/data";
  /** Threshold in robust noise levels (a common spike-detection choice). */
  static final double K = 5.0;
  private static final int STEPS = 7;
  private static final double LFP_RATE = 1000.0;

  private final PrintStream out;
  private final PrintStream err;
  private SparkSession provided;
  private boolean interactive = System.console() != null;
  private long started;
  private long stepStarted;

  DemoCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs in {@code spark} instead of starting a session (tests); {@code --master} is then ignored. */
  DemoCommand in(SparkSession spark) {
    this.provided = spark;
    return this;
  }

  int run(String[] argv) {
    CommandArgs args = CommandArgs.parse(argv, Set.of("dir", "seconds", "channels", "units", "seed", "master"), Set.of());
    if (!args.positionals().isEmpty()) {
      throw new CliUsageException("unexpected argument '" + args.positionals().get(0) + "'");
    }
    int channels = (int) args.longValue("channels", 64, 1, 1024);
    SyntheticSession.Builder b = SyntheticSession.builder().channels(channels)
        .seconds(args.doubleValue("seconds", 60, 0.1, 3600))
        .seed(args.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
    if (args.value("units", null) != null) {
      b.units((int) args.longValue("units", 0, 0, channels));
    }
    SyntheticSession session = b.build();
    String dir = args.value("dir", null);
    Path folder = null;
    try {
      folder = dir == null ? Files.createTempDirectory("lindi-demo-") : Files.createDirectories(Paths.get(dir));
      return demo(session, folder.resolve("session.nwb.lindi"), args.value("master", null));
    } catch (Exception e) { // Spark's AnalysisException is checked but not declared
      err.println();
      err.println("lindi demo: " + (e instanceof IOException ? e.toString() : QueryError.describe(e)));
      return LindiMain.FAILED;
    } finally {
      if (dir == null && folder != null) {
        deleteTree(folder);
      }
    }
  }

  private int demo(SyntheticSession s, Path file, String master) throws IOException {
    started = System.nanoTime();
    String uri = file.toUri().toString();
    double mb = s.samples() * s.channels() * 2 / 1e6;
    out.printf(Locale.ROOT, "lindi demo: a synthetic extracellular recording, written as LINDI and analysed with Spark%n%n");

    step(1, String.format(Locale.ROOT, "Write %d channels x %s s x %.0f kHz int16 (%.1f MB) with %d units to %s",
        s.channels(), trim(s.seconds()), s.rate() / 1000, mb, s.units().size(), file));
    s.write(new org.apache.hadoop.fs.Path(uri), new Configuration(), rows -> {
      if (interactive) {
        err.printf(Locale.ROOT, "\r%s", TaskProgress.bar((int) (rows / s.chunkRows()),
            (int) ((s.samples() + s.chunkRows() - 1) / s.chunkRows()), elapsed(stepStarted)).replace("tasks", "chunks"));
      }
    });
    if (interactive) {
      err.print("\r" + " ".repeat(70) + "\r");
    }
    done(String.format(Locale.ROOT, "%.1f MB lindi1 file, data in blosc lz4 + byte shuffle chunks of %d rows",
        Files.size(file) / 1e6, s.chunkRows()));

    step(2, "Start Spark (" + (provided != null ? provided.sparkContext().master() : master == null
        ? CliSpark.DEFAULT_MASTER : master) + ")");
    SparkSession spark = provided != null ? provided : CliSpark.start(master);
    TaskProgress progress = new TaskProgress(err, interactive);
    spark.sparkContext().addSparkListener(progress);
    try {
      done(spark.sparkContext().defaultParallelism() + " cores");
      return analyse(spark, s, uri, progress);
    } finally {
      spark.sparkContext().removeSparkListener(progress);
      if (provided == null) {
        spark.stop();
      }
    }
  }

  private int analyse(SparkSession spark, SyntheticSession s, String uri, TaskProgress progress) throws IOException {
    long total;
    int channels;
    int chunkRows;
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(uri), new Configuration())) {
      LindiArray data = f.array(SyntheticSession.DATA);
      total = data.shape()[0];
      channels = (int) data.shape()[1];
      chunkRows = data.metadata().chunks()[0];
    }
    double uvPerCount = s.conversion() * 1e6;

    step(3, "Catalog: the arrays of the file (spark.read().format(\"lindi\").load(file))");
    spark.read().format("lindi").load(uri).createOrReplaceTempView("catalog");
    out.println();
    // one partition per file, nodes in path order: no ORDER BY (and no shuffle) needed
    ResultTable.print(spark.sql("SELECT path, dtype, shape, chunks, num_chunks, stored_bytes FROM catalog "
        + "WHERE kind = 'array'"), 100, out);
    done("");

    step(4, "Units table (option layout=table): the spikes the generator injected");
    spark.read().format("lindi").option("layout", "table").option("dataset", SyntheticSession.UNITS).load(uri)
        .createOrReplaceTempView("units");
    out.println();
    ResultTable.print(spark.sql(String.format(Locale.ROOT, "SELECT id, max_electrode, round(amplitude, 1) AS amplitude_uV, "
        + "size(spike_times) AS spikes, round(size(spike_times) / %s, 1) AS rate_hz, "
        + "transform(slice(spike_times, 1, 3), t -> round(t, 4)) AS first_spike_times_s FROM units",
        trim(s.seconds()))), 5, out);
    long[] injected = new long[channels];
    int[] unitOf = new int[channels];
    java.util.Arrays.fill(unitOf, -1);
    for (Row r : spark.sql("SELECT id, max_electrode, size(spike_times) FROM units").collectAsList()) {
      int c = (int) r.getLong(1);
      injected[c] += r.getInt(2);
      unitOf[c] = (int) r.getLong(0);
    }
    done("");

    step(5, "Per-channel RMS and robust noise level, median(|x - 1 ms mean|) / 0.6745 (pass 1 over the "
        + "chunks layout, kept in memory for the next passes)");
    progress.reset();
    RecordingChunks chunks = RecordingChunks.read(spark, uri, SyntheticSession.DATA, channels);
    ChannelActivity activity = new ChannelActivity(chunks, SyntheticSession.DATA, total, channels, chunkRows);
    ChannelActivity.Noise noise = activity.noise();
    progress.clear();
    done(activity.chunkCount() + " chunks, " + String.format(Locale.ROOT, "%.1f MB decoded",
        total * channels * 2 / 1e6));

    step(6, String.format(Locale.ROOT, "Spikes: crossings below -%.0f x noise with a 1 ms dead time (pass 2), "
        + "against the units table", K));
    progress.reset();
    double[] thresholds = new double[channels];
    for (int c = 0; c < channels; c++) {
      thresholds[c] = K * noise.sigma[c];
    }
    long[] found = activity.crossings(thresholds);
    progress.clear();
    out.println();
    out.print(SpikeReport.table(noise, thresholds, found, injected, unitOf, uvPerCount));
    out.println(SpikeReport.summary(found, injected));
    done("");

    step(7, "1 kHz LFP (mean of every " + (int) Math.round(s.rate() / LFP_RATE) + " samples) appended to /" + LFP
        + " with df.write().format(\"lindi\"), read back");
    progress.reset();
    int factor = (int) Math.round(s.rate() / LFP_RATE);
    // the writer reads its input twice (a first pass sizes the array): keep the 1 kHz rows, not the raw ones
    Dataset<Row> lfp = LfpDownsample.of(spark, chunks, channels, chunkRows, factor, uvPerCount).cache();
    lfp.write().format("lindi").option("dataset", LFP).option("chunks", "10000")
        .option("attributes", "{\"unit\": \"uV\", \"rate\": " + LFP_RATE + ", \"description\": \"mean of every "
            + factor + " samples of /" + SyntheticSession.DATA + "\"}")
        .mode(SaveMode.Append).save(uri);
    lfp.unpersist();
    chunks.release();
    progress.clear();
    out.println();
    spark.read().format("lindi").load(uri).createOrReplaceTempView("catalog");
    ResultTable.print(spark.sql("SELECT path, dtype, shape, chunks, num_chunks, stored_bytes, attributes FROM catalog "
        + "WHERE path = '" + LFP + "'"), 1, out);
    spark.read().format("lindi").option("dataset", LFP).load(uri).createOrReplaceTempView("lfp");
    ResultTable.print(spark.sql("SELECT index, transform(slice(value, 1, 4), v -> round(v, 2)) AS first_4_channels_uV "
        + "FROM lfp WHERE index < 3 ORDER BY index"), 3, out);
    spark.read().format("lindi").option("dataset", SyntheticSession.DATA).option("time", "true").load(uri)
        .createOrReplaceTempView("raw");
    double rawMean = spark.sql("SELECT avg(value[0]) FROM raw WHERE time < " + (factor / s.rate()))
        .first().getDouble(0) * uvPerCount;
    double lfp0 = ((Number) spark.sql("SELECT value[0] FROM lfp WHERE index = 0").first().get(0)).doubleValue();
    out.printf(Locale.ROOT, "check: LFP row 0, channel 0 = %.3f uV; raw rows with time < %.4f s (option time=true), "
        + "channel 0, mean x %.3f uV = %.3f uV%n", lfp0, factor / s.rate(), uvPerCount, rawMean);
    long[] lfpShape;
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(uri), new Configuration())) {
      lfpShape = f.array(LFP).shape();
    }
    done("/" + LFP + ": " + lfpShape[0] + " rows x " + lfpShape[1] + " channels of float32 uV");

    out.printf(Locale.ROOT, "%nTotal: %.1f s%n", elapsed(started));
    return LindiMain.OK;
  }

  private void step(int n, String title) {
    stepStarted = System.nanoTime();
    out.printf(Locale.ROOT, "[%d/%d] %s%n", n, STEPS, title);
    out.flush();
  }

  private void done(String detail) {
    out.printf(Locale.ROOT, "      %s%s(%.1f s)%n", detail, detail.isEmpty() ? "" : "  ", elapsed(stepStarted));
    out.flush();
  }

  private static double elapsed(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder left behind is not worth failing the demo
    }
  }

  /** For tests: no progress bars. */
  DemoCommand quiet() {
    interactive = false;
    return this;
  }
}
