package org.lindi.nwb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.Fixtures;
import org.lindi.LindiFile;
import org.lindi.error.LindiFormatException;

/**
 * The time axis of the NWB fixture's ElectricalSeries (20000 samples, starting_time 0.0, rate
 * 30000): times, and index ranges for time windows equal to a brute force over every sample.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimeAxisFixtureTest {
  static final String DATA = "acquisition/ElectricalSeries/data";
  static final String[] CONTAINERS = {"nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.tar"};

  static LindiFile open(String fixture) throws Exception {
    return LindiFile.open(Fixtures.hadoopPath(fixture), new Configuration());
  }

  static Stream<Arguments> windows() {
    double inf = Double.POSITIVE_INFINITY;
    double[][] bounds = {
        {0.1, 1, 0.2, 0}, {0.1, 0, 0.2, 1}, {-1, 1, 0, 0}, {0.6666, 1, inf, 1}, {0.6666, 0, inf, 0},
        {-inf, 1, inf, 1}, {0, 1, 0, 1}, {0, 0, 0, 1}, {1.0 / 3, 1, 1.0 / 3, 1}, {1.0 / 3, 0, 0.5, 0},
        {-inf, 0, 1.0 / 30000, 1}, {19999.0 / 30000, 1, inf, 0}, {19999.0 / 30000, 0, inf, 0},
        {0.2, 1, 0.1, 1}, {5, 1, 6, 1}, {Math.nextUp(0.1), 1, Math.nextDown(0.2), 1},
        {0.123456789, 0, 0.5432109876, 0}};
    List<Arguments> out = new ArrayList<>();
    for (String c : CONTAINERS) {
      for (double[] b : bounds) {
        out.add(Arguments.of(c, b[0], b[1] == 1, b[2], b[3] == 1));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.tar"})
  void rateFormTimesAreStartingTimePlusIndexOverRate(String fixture) throws Exception {
    try (LindiFile f = open(fixture)) {
      assertTrue(TimeAxis.exists(f, DATA));
      TimeAxis axis = TimeAxis.of(f, "/" + DATA);
      assertEquals(TimeAxisSpec.Form.RATE, axis.form());
      assertEquals(20000, axis.length());
      assertEquals(TimeAxisSpec.ofRate(20000, 0.0, 30000.0), axis.spec());
      assertNull(axis.timestamps());
      double[] all = axis.times(0, 20000);
      for (int i = 0; i < all.length; i++) {
        assertEquals(0.0 + i / 30000.0, all[i], 0.0, "time of sample " + i);
      }
      double[] some = axis.times(12345, 7);
      for (int k = 0; k < some.length; k++) {
        assertEquals(all[12345 + k], some[k], 0.0);
      }
      assertEquals(0, axis.times(20000, 0).length);
      assertThrows(IllegalArgumentException.class, () -> axis.times(19999, 2));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
  @MethodSource("windows")
  void indexRangeEqualsBruteForce(String fixture, double lo, boolean loInc, double hi, boolean hiInc)
      throws Exception {
    try (LindiFile f = open(fixture)) {
      TimeAxis axis = TimeAxis.of(f, DATA);
      IndexRange expected = BruteForce.range(axis.times(0, (int) axis.length()), lo, loInc, hi, hiInc);
      assertEquals(expected, axis.indexRange(lo, loInc, hi, hiInc));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.tar"})
  void knownWindows(String fixture) throws Exception {
    try (LindiFile f = open(fixture)) {
      TimeAxis axis = TimeAxis.of(f, DATA);
      double inf = Double.POSITIVE_INFINITY;
      assertEquals(IndexRange.of(3000, 6000), axis.indexRange(0.1, true, 0.2, false));
      assertEquals(IndexRange.of(3001, 6001), axis.indexRange(0.1, false, 0.2, true));
      assertEquals(IndexRange.EMPTY, axis.indexRange(-1, true, 0, false));
      assertEquals(IndexRange.of(0, 1), axis.indexRange(-1, true, 0, true));
      assertEquals(IndexRange.of(19998, 20000), axis.indexRange(0.6666, true, inf, true));
      assertThrows(IllegalArgumentException.class, () -> axis.indexRange(Double.NaN, true, 1, true));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.tar"})
  void arraysThatAreNoTimeSeriesDataAreRefused(String fixture) throws Exception {
    try (LindiFile f = open(fixture)) {
      for (String path : new String[] {"units/spike_times", "acquisition/ElectricalSeries/electrodes",
          "acquisition/ElectricalSeries", "acquisition/ElectricalSeries/nothing", "units/id"}) {
        assertFalse(TimeAxis.exists(f, path), path);
        LindiFormatException e = assertThrows(LindiFormatException.class, () -> TimeAxis.of(f, path));
        assertTrue(e.getMessage().contains("/" + path + " is not the data of an NWB TimeSeries"), e.getMessage());
        assertTrue(e.getMessage().contains(f.location()), "names the file: " + e.getMessage());
        assertEquals(path, e.context().array());
      }
    }
  }
}
