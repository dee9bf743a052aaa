package org.lindi.nwb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.LindiFile;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;

/**
 * DynamicTable columns the fixture lacks, on a hand-built file: multi-dimensional and ragged
 * multi-dimensional columns, a ragged DynamicTableRegion, json2 strings and references, a
 * single-string colnames; and tables that break the convention.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DynamicTableShapesTest {
  @TempDir
  Path dir;

  private org.apache.hadoop.fs.Path path;

  @BeforeEach
  void write() throws Exception {
    JsonNodeFactory json = JsonNodeFactory.instance;
    SyntheticLindi f = new SyntheticLindi()
        .group("electrodes", SyntheticLindi.attrs().set("colnames", SyntheticLindi.list()))
        .int64("electrodes/id", new long[] {0, 1, 2, 3}, new long[] {4}, 4, null)
        .group("trials", SyntheticLindi.attrs().set("colnames",
            SyntheticLindi.list("start_time", "pos", "wave", "electrodes", "label", "probe")))
        .int64("trials/id", new long[] {10, 11, 12, 13, 14}, new long[] {5}, 2, null)
        .float64("trials/start_time", new double[] {0.5, 1.5, 2.5, 3.5, 4.5}, new long[] {5}, 2, null)
        .float64("trials/pos", new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {5, 2}, 3, null)
        // rows hold 2, 0, 1, 3, 0 waveforms of 3 samples each
        .float64("trials/wave", seq(18), new long[] {6, 3}, 4, null)
        .uint32("trials/wave_index", new long[] {2, 2, 3, 6, 6}, null)
        .int64("trials/electrodes", new long[] {3, 0, 1, 2, 2, 3}, new long[] {6}, 4,
            SyntheticLindi.attrs().put("neurodata_type", "DynamicTableRegion")
                .set("table", SyntheticLindi.reference("/electrodes")))
        .uint32("trials/electrodes_index", new long[] {1, 3, 3, 5, 6}, null)
        .json2("trials/label", List.of(json.textNode("go"), json.textNode("no-go"), json.textNode("é"),
            json.nullNode(), json.textNode("go")), null)
        .json2("trials/probe", List.of(SyntheticLindi.reference("/a"), SyntheticLindi.reference("/b"),
            SyntheticLindi.reference("/a"), SyntheticLindi.reference("/c"), SyntheticLindi.reference("/b")), null)
        .group("single", SyntheticLindi.attrs().put("colnames", "x"))
        .int64("single/id", new long[] {0, 1}, new long[] {2}, 2, null)
        .float64("single/x", new double[] {7, 8}, new long[] {2}, 2, null)
        .group("doubly", SyntheticLindi.attrs().set("colnames", SyntheticLindi.list("x")))
        .int64("doubly/id", new long[] {0}, new long[] {1}, 1, null)
        .float64("doubly/x", new double[] {1, 2, 3}, new long[] {3}, 3, null)
        .uint32("doubly/x_index", new long[] {1, 3}, null)
        .uint32("doubly/x_index_index", new long[] {2}, null)
        .group("descending", SyntheticLindi.attrs().set("colnames", SyntheticLindi.list("x")))
        .int64("descending/id", new long[] {0, 1, 2}, new long[] {3}, 3, null)
        .float64("descending/x", new double[] {1, 2, 3}, new long[] {3}, 3, null)
        .uint32("descending/x_index", new long[] {2, 1, 3}, null)
        .group("overrun", SyntheticLindi.attrs().set("colnames", SyntheticLindi.list("x")))
        .int64("overrun/id", new long[] {0, 1}, new long[] {2}, 2, null)
        .float64("overrun/x", new double[] {1, 2, 3}, new long[] {3}, 3, null)
        .uint32("overrun/x_index", new long[] {2, 4}, null)
        .group("missing", SyntheticLindi.attrs().set("colnames", SyntheticLindi.list("x", "y")))
        .int64("missing/id", new long[] {0}, new long[] {1}, 1, null)
        .float64("missing/x", new double[] {1}, new long[] {1}, 1, null)
        .group("short", SyntheticLindi.attrs().set("colnames", SyntheticLindi.list("x")))
        .int64("short/id", new long[] {0, 1, 2}, new long[] {3}, 3, null)
        .float64("short/x", new double[] {1, 2}, new long[] {2}, 2, null)
        .group("noid", SyntheticLindi.attrs().set("colnames", SyntheticLindi.list("x")))
        .float64("noid/x", new double[] {1, 2}, new long[] {2}, 2, null);
    path = f.write(dir, "tables.lindi.json");
  }

  private static double[] seq(int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  @Test
  void columnsOfEveryShape() throws Exception {
    try (LindiFile f = LindiFile.open(path, new Configuration())) {
      DynamicTable t = DynamicTable.of(f, "trials");
      assertEquals(5, t.rows());
      Column pos = t.column("pos");
      assertArrayEquals(new long[] {2}, pos.elementShape());
      assertTrue(pos.isArrayValued() && !pos.isRagged());
      assertArrayEquals(new Object[] {new double[] {2, 3}, new double[] {4, 5}},
          t.readColumn(pos, 1, 2));

      Column wave = t.column("wave");
      assertTrue(wave.isRagged());
      assertArrayEquals(new long[] {3}, wave.elementShape());
      Object[] waves = t.readColumn(wave, 0, 5);
      assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, (double[]) waves[0]);
      assertArrayEquals(new double[0], (double[]) waves[1]);
      assertArrayEquals(new double[] {6, 7, 8}, (double[]) waves[2]);
      assertArrayEquals(new double[] {9, 10, 11, 12, 13, 14, 15, 16, 17}, (double[]) waves[3]);
      assertArrayEquals(new double[0], (double[]) waves[4]);

      Column electrodes = t.column("electrodes");
      assertTrue(electrodes.isRegion() && electrodes.isRagged());
      assertEquals("/electrodes", electrodes.regionTable());
      assertEquals(ColumnKind.INTEGER, electrodes.kind());
      assertArrayEquals(new Object[] {new long[] {3}, new long[] {0, 1}, new long[0], new long[] {2, 2},
          new long[] {3}}, t.readColumn(electrodes, 0, 5));

      Column label = t.column("label");
      assertEquals(ColumnKind.STRING, label.kind());
      assertArrayEquals(new Object[] {"go", "no-go", "é", null, "go"}, t.readColumn(label, 0, 5));
      Column probe = t.column("probe");
      assertEquals(ColumnKind.REFERENCE, probe.kind());
      assertArrayEquals(new Object[] {"/b", "/a", "/c"}, t.readColumn(probe, 1, 3));
      assertEquals(List.of(10L, 11L, 12L, 13L, 14L), List.of(t.readColumn(t.column("id"), 0, 5)));

      for (Column c : t.columns()) {
        Object[] full = t.readColumn(c, 0, 5);
        for (int from = 0; from <= 5; from++) {
          for (int count = 0; from + count <= 5; count++) {
            Object[] part = t.readColumn(c, from, count);
            for (int k = 0; k < count; k++) {
              assertTrue(Objects.deepEquals(full[from + k], part[k]), c.name() + " row " + (from + k));
            }
          }
        }
      }
    }
  }

  @Test
  void aSingleColnamesStringAndAnEmptyColnamesListAreTables() throws Exception {
    try (LindiFile f = LindiFile.open(path, new Configuration())) {
      DynamicTable single = DynamicTable.of(f, "single");
      assertEquals(List.of(7.0, 8.0), List.of(single.readColumn(single.column("x"), 0, 2)));
      DynamicTable electrodes = DynamicTable.of(f, "electrodes");
      assertEquals(1, electrodes.columns().size());
      assertEquals(4, electrodes.rows());
    }
  }

  @Test
  void tablesThatBreakTheConventionAreRefused() throws Exception {
    try (LindiFile f = LindiFile.open(path, new Configuration())) {
      UnsupportedFeatureException doubly = assertThrows(UnsupportedFeatureException.class,
          () -> DynamicTable.of(f, "doubly"));
      assertTrue(doubly.getMessage().contains("doubly ragged (x_index_index)"), doubly.getMessage());

      DynamicTable descending = DynamicTable.of(f, "descending");
      LindiFormatException e = assertThrows(LindiFormatException.class,
          () -> descending.readColumn(descending.column("x"), 0, 3));
      assertTrue(e.getMessage().contains("VectorIndex /descending/x_index is invalid at row 1"), e.getMessage());
      assertEquals("descending/x_index", e.context().array());
      assertArrayEquals(new double[] {1, 2}, (double[]) descending.readColumn(descending.column("x"), 0, 1)[0],
          "rows before the fault still read");

      DynamicTable overrun = DynamicTable.of(f, "overrun");
      e = assertThrows(LindiFormatException.class, () -> overrun.readColumn(overrun.column("x"), 1, 1));
      assertTrue(e.getMessage().contains("data has 3 positions"), e.getMessage());

      assertRefused(f, "missing", "column 'y' of /missing is listed in colnames but /missing/y is no dataset");
      assertRefused(f, "short", "column 'x' of /short has 2 values for 3 rows");
      assertRefused(f, "noid", "/noid is not an NWB DynamicTable: no 'id' dataset");
      assertFalse(DynamicTable.isDynamicTable(f, "noid"));
    }
  }

  private static void assertRefused(LindiFile f, String table, String why) {
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> DynamicTable.of(f, table));
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertEquals(f.location(), e.context().file());
  }

}
