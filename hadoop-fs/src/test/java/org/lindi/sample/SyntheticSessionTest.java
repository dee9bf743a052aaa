package org.lindi.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.nwb.Column;
import org.lindi.nwb.DynamicTable;

/** A synthetic session is a readable NWB-shaped LINDI file whose units table says where its spikes are. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyntheticSessionTest {
  private static final SyntheticSession SESSION =
      SyntheticSession.builder().channels(8).seconds(2.5).seed(11).chunkRows(10000).build();

  @TempDir
  static Path dir;
  private static Path file;

  @BeforeAll
  static void write() throws IOException {
    file = dir.resolve("session.nwb.lindi");
    SESSION.write(file);
  }

  private static LindiFile open() throws IOException {
    return LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration());
  }

  @Test
  void dataIsInt16SamplesByChannelsInBloscChunksOfAllChannels() throws IOException {
    try (LindiFile f = open()) {
      LindiArray data = f.array(SyntheticSession.DATA);
      assertEquals("<i2", data.dtype().str());
      assertArrayEquals(new long[] {75000, 8}, data.shape());
      assertArrayEquals(new int[] {10000, 8}, data.metadata().chunks());
      assertEquals("blosc", data.metadata().compressor().get("id").asText());
      assertEquals("lz4", data.metadata().compressor().get("cname").asText());
      assertEquals(8, data.storage().numChunks());
      assertEquals("volts", data.attributes().get("unit").asText());
      assertEquals(1.95e-7, data.attributes().get("conversion").asDouble(), 1e-15);
    }
  }

  @Test
  void theFileHoldsWhatSamplesComputesAcrossChunkEdges() throws IOException {
    try (LindiFile f = open()) {
      short[] read = f.array(SyntheticSession.DATA).read(new long[] {9990, 0}, new long[] {30, 8}).toShortArray();
      assertArrayEquals(SESSION.samples(9990, 30), read);
      short[] last = f.array(SyntheticSession.DATA).read(new long[] {74990, 0}, new long[] {10, 8}).toShortArray();
      assertArrayEquals(SESSION.samples(74990, 10), last);
    }
  }

  @Test
  void rootAndSeriesCarryTheNwbAttributes() throws IOException {
    try (LindiFile f = open()) {
      assertEquals("NWBFile", f.node("").attributes().get("neurodata_type").asText());
      assertEquals("core", f.node("").attributes().get("namespace").asText());
      assertEquals("ElectricalSeries",
          f.node(SyntheticSession.ELECTRICAL_SERIES).attributes().get("neurodata_type").asText());
      LindiArray start = f.array(SyntheticSession.ELECTRICAL_SERIES + "/starting_time");
      assertTrue(start.isScalar());
      assertEquals(30000.0, start.attributes().get("rate").asDouble());
      assertEquals(0.0, start.read().toDoubleArray()[0]);
      assertEquals(SESSION.description(), String.valueOf(f.array("session_description").read().get(0)));
      LindiArray region = f.array(SyntheticSession.ELECTRICAL_SERIES + "/electrodes");
      assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, region.read().toIntArray());
    }
  }

  @Test
  void unitsTableListsTheInjectedSpikeTimes() throws IOException {
    try (LindiFile f = open()) {
      DynamicTable units = DynamicTable.of(f, SyntheticSession.UNITS);
      List<InjectedUnit> injected = SESSION.units();
      assertEquals(4, injected.size());
      assertEquals(injected.size(), units.rows());
      Object[] times = units.readColumn(units.column("spike_times"), 0, injected.size());
      Object[] maxElectrode = units.readColumn(units.column("max_electrode"), 0, injected.size());
      Column electrodes = units.column("electrodes");
      assertTrue(electrodes.isRegion());
      assertEquals("/" + SyntheticSession.ELECTRODES, electrodes.regionTable());
      Object[] near = units.readColumn(electrodes, 0, injected.size());
      for (int u = 0; u < injected.size(); u++) {
        InjectedUnit unit = injected.get(u);
        assertTrue(unit.spikeCount() > 3, unit.toString());
        assertArrayEquals(unit.spikeTimes(30000.0), (double[]) times[u]);
        assertEquals((long) unit.channel(), maxElectrode[u]);
        assertTrue(Arrays.stream((long[]) near[u]).anyMatch(c -> c == unit.channel()));
      }
    }
  }

  @Test
  void electrodesTableDescribesEveryChannel() throws IOException {
    try (LindiFile f = open()) {
      DynamicTable electrodes = DynamicTable.of(f, SyntheticSession.ELECTRODES);
      assertEquals(8, electrodes.rows());
      List<String> names = new ArrayList<>();
      electrodes.columns().forEach(c -> names.add(c.name()));
      assertEquals(List.of("id", "location", "group", "group_name", "x", "y", "z"), names);
      assertEquals("CA1", electrodes.readColumn(electrodes.column("location"), 0, 1)[0]);
      assertEquals("/" + SessionLayout.ELECTRODE_GROUP, electrodes.readColumn(electrodes.column("group"), 7, 1)[0]);
      assertEquals(60.0, electrodes.readColumn(electrodes.column("y"), 7, 1)[0]);
    }
  }

  @Test
  void everySpikeTroughStandsOutOnItsChannel() {
    double noise = SESSION.noiseMicrovolts() / 0.195;
    for (InjectedUnit u : SESSION.units()) {
      for (long t : u.spikeSamples()) {
        short[] around = SESSION.samples(t - 15, 31); // the trough minus its 1 ms mean: what a high-pass sees
        double mean = 0;
        for (int i = 0; i < 31; i++) {
          mean += around[i * 8 + u.channel()];
        }
        mean /= 31;
        double depth = around[15 * 8 + u.channel()] - mean;
        assertTrue(depth < -6 * noise, u + " at " + t + ": " + depth);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameSessionAndAnotherSeedAnother() {
    SyntheticSession again = SyntheticSession.builder().channels(8).seconds(2.5).seed(11).chunkRows(3000).build();
    assertEquals(SESSION.units(), again.units());
    assertArrayEquals(SESSION.samples(1234, 100), again.samples(1234, 100));
    SyntheticSession other = SyntheticSession.builder().channels(8).seconds(2.5).seed(12).build();
    assertNotEquals(SESSION.units(), other.units());
    assertNotEquals(Arrays.toString(SESSION.samples(1234, 100)), Arrays.toString(other.samples(1234, 100)));
  }

  @Test
  void unitsSitOnDistinctChannelsAndFireAtPlausibleRates() {
    SyntheticSession s = SyntheticSession.builder().channels(32).seconds(10).seed(3).build();
    assertEquals(16, s.units().size());
    assertEquals(16, s.units().stream().mapToInt(InjectedUnit::channel).distinct().count());
    for (InjectedUnit u : s.units()) {
      double hz = u.spikeCount() / 10.0;
      assertTrue(hz > 1.5 && hz < 20, u.toString());
      long[] t = u.spikeSamples();
      for (int i = 1; i < t.length; i++) {
        assertTrue(t[i] - t[i - 1] >= 90, "refractory period of 3 ms in " + u);
      }
    }
  }

  @Test
  void badSpecsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SyntheticSession.builder().channels(0));
    assertThrows(IllegalArgumentException.class, () -> SyntheticSession.builder().seconds(-1));
    assertThrows(IllegalArgumentException.class, () -> SyntheticSession.builder().compressor("{\"cname\":1}"));
    assertThrows(IllegalArgumentException.class, () -> SyntheticSession.builder().seconds(0.001).build());
  }

  @Test
  void writesWithoutCompressorToo() throws IOException {
    Path raw = Files.createTempFile(dir, "raw", ".lindi");
    SyntheticSession s = SyntheticSession.builder().channels(2).seconds(0.5).compressor("none").build();
    s.write(raw);
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(raw.toUri()), new Configuration())) {
      assertEquals(null, f.array(SyntheticSession.DATA).metadata().compressor());
      assertArrayEquals(s.samples(0, 15000), f.array(SyntheticSession.DATA).read().toShortArray());
    }
  }
}
