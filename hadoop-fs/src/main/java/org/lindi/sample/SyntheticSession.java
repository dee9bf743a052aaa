package org.lindi.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.EncodeContext;
import org.lindi.write.ChunkEncoder;
import org.lindi.write.LindiWriter;

/**
 * A synthetic extracellular recording in an NWB layout, written as a LINDI file: an int16
 * {@code acquisition/ElectricalSeries} (LFP-like oscillations, Gaussian noise and the spikes of
 * {@link #units()}, which the {@code units} table lists), the electrodes table and the NWB
 * attributes, so the Spark connector's {@code time=true} and {@code layout=table} work on it.
 * Deterministic from the seed; written chunk by chunk on every core. Immutable.
 *
 * <pre>{@code
 * SyntheticSession s = SyntheticSession.builder().channels(64).seconds(60).seed(7).build();
 * s.write(java.nio.file.Paths.get("/tmp/session.nwb.lindi"));   // ~230 MB of int16 samples
 * for (InjectedUnit u : s.units()) { ... u.channel(), u.spikeTimes(s.rate()) ... }
 * }</pre>
 */
public final class SyntheticSession {
  /** The samples, int16 (samples x channels), counts of 0.195 uV. */
  public static final String DATA = "acquisition/ElectricalSeries/data";
  /** The ElectricalSeries group. */
  public static final String ELECTRICAL_SERIES = "acquisition/ElectricalSeries";
  /** The electrodes DynamicTable (one row per channel). */
  public static final String ELECTRODES = "general/extracellular_ephys/electrodes";
  /** The units DynamicTable (spike_times ragged, electrodes, max_electrode, amplitude). */
  public static final String UNITS = "units";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT_COMPRESSOR =
      "{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}";

  private final int channels;
  private final double seconds;
  private final double rate;
  private final int unitCount;
  private final long seed;
  private final int chunkRows;
  private final JsonNode compressor;
  private final String description;
  private volatile List<InjectedUnit> units;

  private SyntheticSession(Builder b) {
    this.channels = b.channels;
    this.seconds = b.seconds;
    this.rate = b.rate;
    this.unitCount = b.units < 0 ? channels / 2 : Math.min(b.units, channels);
    this.seed = b.seed;
    this.chunkRows = b.chunkRows > 0 ? b.chunkRows : (int) Math.min(Integer.MAX_VALUE / 2 / channels, Math.round(rate));
    this.compressor = b.compressor;
    this.description = String.format(Locale.ROOT, "synthetic session: %d channels, %.3f s at %.0f Hz, %d units, seed %d",
        channels, seconds, rate, unitCount, seed);
    if (samples() < SpikeWaveform.PRE + SpikeWaveform.POST + 4) {
      throw new IllegalArgumentException("a session needs at least " + (SpikeWaveform.PRE + SpikeWaveform.POST + 4)
          + " samples, got " + samples() + " (" + seconds + " s at " + rate + " Hz)");
    }
  }

  /** Defaults: 64 channels, 60 s at 30 kHz, channels / 2 units, seed 1, one-second chunks, blosc lz4. */
  public static Builder builder() {
    return new Builder();
  }

  public int channels() {
    return channels;
  }

  public double seconds() {
    return seconds;
  }

  /** Samples per second. */
  public double rate() {
    return rate;
  }

  /** Rows of the ElectricalSeries: {@code round(seconds * rate)}. */
  public long samples() {
    return Math.round(seconds * rate);
  }

  public long seed() {
    return seed;
  }

  /** Rows per chunk of the data (all channels in each chunk). */
  public int chunkRows() {
    return chunkRows;
  }

  /** numcodecs JSON of the compressor of the data and the numeric table columns (null: none). */
  public JsonNode compressor() {
    return compressor == null ? null : compressor.deepCopy();
  }

  /** The file's {@code session_description}. */
  public String description() {
    return description;
  }

  /** Volts per count of the data (its NWB {@code conversion} attribute). */
  public double conversion() {
    return SignalModel.MICROVOLTS_PER_COUNT * 1e-6;
  }

  /** Standard deviation of the added noise, in microvolts. */
  public double noiseMicrovolts() {
    return SignalModel.NOISE_MICROVOLTS;
  }

  /** The injected units, each on its own channel, sorted by channel (computed once, no I/O). */
  public List<InjectedUnit> units() {
    List<InjectedUnit> u = units;
    if (u == null) {
      u = List.copyOf(SpikeTrains.draw(channels, unitCount, samples(), rate, seed));
      units = u;
    }
    return u;
  }

  /** The spikes injected on {@code channel} as its largest (0 when no unit sits there). */
  public int spikesOnChannel(int channel) {
    int n = 0;
    for (InjectedUnit u : units()) {
      if (u.channel() == channel) {
        n += u.spikeCount();
      }
    }
    return n;
  }

  /** The samples of rows {@code [start, start + rows)}, row-major (row x channel), as the file holds them. */
  public short[] samples(long start, int rows) {
    if (start < 0 || rows < 0 || start + rows > samples()) {
      throw new IllegalArgumentException("rows [" + start + ", " + (start + rows) + ") outside [0, " + samples() + ")");
    }
    short[] out = new short[rows * channels];
    model().fill(start, rows, out);
    return out;
  }

  private SignalModel model() {
    return new SignalModel(channels, rate, seed, units());
  }

  /** Writes the session to a local file, replacing it; see {@link #write(Path, Configuration, LongConsumer)}. */
  public void write(java.nio.file.Path file) throws IOException {
    write(new Path(file.toAbsolutePath().toUri()), new Configuration(), null);
  }

  /**
   * Writes the session as a LINDI file at {@code path} (a lindi1 file, or a tar when the name ends
   * in {@code .lindi.tar}), replacing any file there. {@code progress}, when not null, receives
   * the number of rows written so far after each chunk.
   */
  public void write(Path path, Configuration conf, LongConsumer progress) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (fs.exists(path)) {
      fs.delete(path, false);
    }
    try (LindiWriter w = LindiWriter.open(path, conf)) {
      new SessionLayout(this, w).write();
      writeSamples(w, progress);
    }
  }

  /** Makes and encodes chunks on every core, stores them in order on this thread. */
  private void writeSamples(LindiWriter w, LongConsumer progress) throws IOException {
    ChunkEncoder encoder = w.encoder(DATA);
    SignalModel model = model();
    long total = samples();
    long chunkCount = (total + chunkRows - 1) / chunkRows;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "lindi-synthetic-session");
      t.setDaemon(true);
      return t;
    });
    ThreadLocal<EncodeContext> contexts = ThreadLocal.withInitial(EncodeContext::new);
    Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
    try {
      long next = 0;
      for (long c = 0; c < chunkCount; c++) {
        while (next < chunkCount && inFlight.size() < 2 * threads) {
          long chunk = next++;
          inFlight.add(pool.submit(() -> encoder.encode(ByteSlice.of(chunkBytes(model, chunk, total)), contexts.get())));
        }
        w.writeChunk(DATA, new long[] {c, 0}, inFlight.poll().get());
        if (progress != null) {
          progress.accept(Math.min(total, (c + 1) * chunkRows));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing " + DATA, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new UncheckedIOException(new IOException("making a chunk of " + DATA + " failed", cause));
    } finally {
      pool.shutdownNow();
    }
  }

  /** One full chunk, little-endian; rows past the end stay 0 (the fill value). */
  private byte[] chunkBytes(SignalModel model, long chunk, long total) {
    long start = chunk * chunkRows;
    int rows = (int) Math.min(chunkRows, total - start);
    short[] v = new short[rows * channels];
    model.fill(start, rows, v);
    byte[] out = new byte[chunkRows * channels * 2];
    for (int i = 0; i < v.length; i++) {
      out[2 * i] = (byte) v[i];
      out[2 * i + 1] = (byte) (v[i] >> 8);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SyntheticSession)) {
      return false;
    }
    SyntheticSession s = (SyntheticSession) o;
    return channels == s.channels && Double.compare(seconds, s.seconds) == 0 && Double.compare(rate, s.rate) == 0
        && unitCount == s.unitCount && seed == s.seed && chunkRows == s.chunkRows
        && Objects.equals(compressor, s.compressor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channels, seconds, rate, unitCount, seed, chunkRows, compressor);
  }

  @Override
  public String toString() {
    return "SyntheticSession{" + description + ", chunks of " + chunkRows + " rows, compressor " + compressor + "}";
  }

  /** Builds a {@link SyntheticSession}; every setter checks its value. */
  public static final class Builder {
    private int channels = 64;
    private double seconds = 60;
    private double rate = 30000;
    private int units = -1;
    private long seed = 1;
    private int chunkRows;
    private JsonNode compressor = parse(DEFAULT_COMPRESSOR);

    private Builder() {}

    public Builder channels(int n) {
      if (n < 1 || n > 4096) {
        throw new IllegalArgumentException("channels must be in [1, 4096], got " + n);
      }
      channels = n;
      return this;
    }

    public Builder seconds(double s) {
      if (!(s > 0) || s > 86400) {
        throw new IllegalArgumentException("seconds must be in (0, 86400], got " + s);
      }
      seconds = s;
      return this;
    }

    /** Samples per second (default 30000). */
    public Builder rate(double hz) {
      if (!(hz >= 1000) || hz > 1e6) {
        throw new IllegalArgumentException("rate must be in [1000, 1e6] Hz, got " + hz);
      }
      rate = hz;
      return this;
    }

    /** Number of units, at most one per channel (default: half the channels). */
    public Builder units(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("units must not be negative, got " + n);
      }
      units = n;
      return this;
    }

    public Builder seed(long s) {
      seed = s;
      return this;
    }

    /** Rows per chunk (default: one second of samples). */
    public Builder chunkRows(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("chunkRows must be positive, got " + rows);
      }
      chunkRows = rows;
      return this;
    }

    /** numcodecs JSON of the compressor, or null / "none" for none (default blosc lz4 with byte shuffle). */
    public Builder compressor(String json) {
      compressor = json == null || json.equals("none") || json.equals("null") ? null : parse(json);
      return this;
    }

    public SyntheticSession build() {
      return new SyntheticSession(this);
    }

    private static JsonNode parse(String json) {
      try {
        JsonNode n = JSON.readTree(json);
        if (!n.isObject() || !n.has("id")) {
          throw new IllegalArgumentException("a compressor is a JSON object with an 'id', got " + json);
        }
        return n;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("compressor is not JSON: " + json, e);
      }
    }
  }
}
