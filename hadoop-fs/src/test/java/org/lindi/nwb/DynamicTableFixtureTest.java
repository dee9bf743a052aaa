package org.lindi.nwb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * The DynamicTables of the NWB fixture ({@code units}: ragged spike_times; the electrodes table:
 * strings, floats and object references), checked against the manifest, in both containers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DynamicTableFixtureTest {
  static final String UNITS = "units";
  static final String ELECTRODES = "general/extracellular_ephys/electrodes";

  static LindiFile open(String fixture) throws Exception {
    return LindiFile.open(Fixtures.hadoopPath(fixture), new Configuration());
  }

  /** The manifest entry of {@code path} in the JSON fixture (both containers hold the same arrays). */
  static JsonNode manifestArray(String path) {
    for (JsonNode f : Fixtures.files()) {
      if (f.get("file").asText().equals("nwb/ephys_session.lindi.json")) {
        for (JsonNode a : f.get("arrays")) {
          if (a.get("path").asText().equals(path)) {
            return a;
          }
        }
      }
    }
    throw new AssertionError("no manifest entry for " + path);
  }

  static Stream<Arguments> tablesInBothContainers() {
    List<Arguments> out = new ArrayList<>();
    for (String c : TimeAxisFixtureTest.CONTAINERS) {
      out.add(Arguments.of(c, UNITS));
      out.add(Arguments.of(c, ELECTRODES));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.tar"})
  void unitsHaveRaggedSpikeTimes(String fixture) throws Exception {
    try (LindiFile f = open(fixture)) {
      assertTrue(DynamicTable.isDynamicTable(f, "/units"));
      DynamicTable units = DynamicTable.of(f, "/units/");
      assertEquals(8, units.rows());
      assertEquals(List.of("id", "spike_times"), names(units));
      Column id = units.column("id");
      assertEquals(ColumnKind.INTEGER, id.kind());
      assertFalse(id.isRagged());
      assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), List.of(units.readColumn(id, 0, 8)));

      Column spikes = units.column("spike_times");
      assertTrue(spikes.isRagged());
      assertEquals("units/spike_times_index", spikes.indexPath());
      assertEquals("units/spike_times", spikes.dataPath());
      assertEquals(ColumnKind.FLOAT, spikes.kind());
      assertEquals("<f8", spikes.dtype().str());
      assertFalse(spikes.isRegion());

      JsonNode index = manifestArray("units/spike_times_index").get("values");
      Object[] rows = units.readColumn(spikes, 0, 8);
      ByteBuffer all = ByteBuffer.allocate(1321 * 8).order(ByteOrder.LITTLE_ENDIAN);
      long previous = 0;
      for (int r = 0; r < 8; r++) {
        double[] times = (double[]) rows[r];
        assertEquals(index.get(r).asLong() - previous, times.length, "spikes of unit " + r);
        previous = index.get(r).asLong();
        for (double t : times) {
          all.putDouble(t);
        }
      }
      assertEquals(1321 * 8, all.position(), "the rows cover the whole spike_times array");
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.array()));
      assertEquals(manifestArray("units/spike_times").get("sha256").asText(), sha);
      assertArrayEquals(new long[] {190, 346, 560}, units.rowOffsets(spikes, 1, 2));
      assertArrayEquals(new long[] {0, 190}, units.rowOffsets(spikes, 0, 1));
      assertArrayEquals(new long[] {1321}, units.rowOffsets(spikes, 8, 0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.tar"})
  void electrodesHaveStringsFloatsAndReferences(String fixture) throws Exception {
    try (LindiFile f = open(fixture)) {
      DynamicTable electrodes = DynamicTable.of(f, ELECTRODES);
      assertEquals(32, electrodes.rows());
      assertEquals(List.of("id", "location", "group", "group_name", "x", "y", "z"), names(electrodes));
      assertEquals(List.of(ColumnKind.INTEGER, ColumnKind.STRING, ColumnKind.REFERENCE, ColumnKind.STRING,
          ColumnKind.FLOAT, ColumnKind.FLOAT, ColumnKind.FLOAT), kinds(electrodes));
      for (Column c : electrodes.columns()) {
        assertFalse(c.isRagged(), c.name());
        assertFalse(c.isArrayValued(), c.name());
        JsonNode expected = manifestArray(ELECTRODES + "/" + c.name()).get("values");
        Object[] values = electrodes.readColumn(c, 0, 32);
        for (int r = 0; r < 32; r++) {
          Object v = values[r];
          switch (c.kind()) {
            case INTEGER:
              assertEquals(expected.get(r).asLong(), (Long) v, c.name() + "[" + r + "]");
              break;
            case FLOAT:
              assertEquals(expected.get(r).asDouble(), (Double) v, 0.0, c.name() + "[" + r + "]");
              break;
            default:
              assertEquals(expected.get(r).asText(), v, c.name() + "[" + r + "]");
          }
        }
      }
      Object[] groups = electrodes.readColumn(electrodes.column("group"), 0, 2);
      assertArrayEquals(new Object[] {"/general/extracellular_ephys/shank0", "/general/extracellular_ephys/shank1"},
          groups);
    }
  }

  @ParameterizedTest(name = "{0} /{1}")
  @MethodSource("tablesInBothContainers")
  void aMiddleRangeOfRowsEqualsTheSameSliceOfAFullRead(String fixture, String table) throws Exception {
    try (LindiFile f = open(fixture)) {
      DynamicTable t = DynamicTable.of(f, table);
      int rows = (int) t.rows();
      for (Column c : t.columns()) {
        Object[] full = t.readColumn(c, 0, rows);
        for (int[] range : new int[][] {{rows / 3, rows / 2}, {1, rows - 2}, {rows - 1, 1}, {0, 1}, {rows, 0}}) {
          Object[] part = t.readColumn(c, range[0], range[1]);
          assertEquals(range[1], part.length);
          for (int k = 0; k < part.length; k++) {
            assertTrue(java.util.Objects.deepEquals(full[range[0] + k], part[k]),
                c.name() + " row " + (range[0] + k));
          }
        }
        assertThrows(IllegalArgumentException.class, () -> t.readColumn(c, rows - 1, 2));
        assertThrows(IllegalArgumentException.class, () -> t.readColumn(c, -1, 1));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nwb/ephys_session.lindi.json", "nwb/ephys_session.lindi.tar"})
  void groupsThatAreNoDynamicTableAreRefused(String fixture) throws Exception {
    try (LindiFile f = open(fixture)) {
      for (String path : new String[] {"acquisition", "general/extracellular_ephys",
          "acquisition/ElectricalSeries", ""}) {
        assertFalse(DynamicTable.isDynamicTable(f, path), path);
        LindiFormatException e = assertThrows(LindiFormatException.class, () -> DynamicTable.of(f, path));
        assertTrue(e.getMessage().contains("no 'colnames' attribute"), e.getMessage());
        assertTrue(e.getMessage().contains(f.location()), e.getMessage());
        assertEquals(path.isEmpty() ? ".zattrs" : path + "/.zattrs", e.context().key());
      }
      for (String path : new String[] {"units/id", "nothing/here"}) {
        assertFalse(DynamicTable.isDynamicTable(f, path), path);
        LindiFormatException e = assertThrows(LindiFormatException.class, () -> DynamicTable.of(f, path));
        assertTrue(e.getMessage().contains("/" + path + " is not an NWB DynamicTable"), e.getMessage());
      }
      assertThrows(IllegalArgumentException.class, () -> DynamicTable.of(f, UNITS).column("waveforms"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nwb/ephys_session.lindi.json"})
  void columnsAreSerialisableValues(String fixture) throws Exception {
    try (LindiFile f = open(fixture)) {
      for (Column c : DynamicTable.of(f, UNITS).columns()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
          out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
          Column back = (Column) in.readObject();
          assertEquals(c, back);
          assertEquals(c.hashCode(), back.hashCode());
          assertEquals(c.toString(), back.toString());
        }
      }
      assertNull(DynamicTable.of(f, UNITS).column("id").regionTable());
    }
  }

  private static List<String> names(DynamicTable t) {
    List<String> out = new ArrayList<>();
    t.columns().forEach(c -> out.add(c.name()));
    return out;
  }

  private static List<ColumnKind> kinds(DynamicTable t) {
    List<ColumnKind> out = new ArrayList<>();
    t.columns().forEach(c -> out.add(c.kind()));
    return out;
  }
}
