package org.lindi.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lindi.Fixtures;
import org.lindi.write.LindiWriter;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Order;

/** lindi sql names a view after its path: catalog, every array, every DynamicTable. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SqlViewsTest {
  private static final String NWB = Fixtures.uri("nwb/ephys_session.lindi.json");

  private static SqlView view(SqlViews views, String name) {
    return views.views().stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no view " + name + " in\n" + views.listing()));
  }

  @Test
  void arraysTablesAndTheCatalogAreViewsNamedAfterTheirPaths() throws IOException {
    SqlViews views = SqlViews.of(List.of(NWB), new Configuration());
    assertEquals("catalog", views.views().get(0).name());
    SqlView data = view(views, "acquisition_ElectricalSeries_data");
    assertEquals(SqlView.Kind.ARRAY, data.kind());
    assertEquals("acquisition/ElectricalSeries/data", data.dataset());
    assertTrue(data.time(), "an ElectricalSeries' data is read with time=true");
    assertEquals(SqlView.Kind.TABLE, view(views, "units").kind());
    assertEquals(SqlView.Kind.TABLE, view(views, "general_extracellular_ephys_electrodes").kind());
    assertEquals(SqlView.Kind.ARRAY, view(views, "units_spike_times").kind());
    assertEquals(false, view(views, "units_spike_times").time());
    assertEquals("specifications_core_2_6_0_namespace", SqlViews.nameOf("specifications/core/2.6.0/namespace"));
    assertEquals("_0abc", SqlViews.nameOf("0abc"));
  }

  @Test
  void namesThatWouldRepeatGetSuffixes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("clash.lindi");
    try (LindiWriter w = LindiWriter.open(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())) {
      for (String p : List.of("a/b", "a_b", "A_B.x", "catalog")) {
        w.createArray(p, ArrayMetadata.of(new long[] {2}, new int[] {2}, DType.parse("<i4"), Order.C, null, null,
            List.of(), '.'), null);
      }
    }
    SqlViews views = SqlViews.of(List.of(file.toString()), new Configuration());
    List<String> names = new ArrayList<>();
    views.views().forEach(v -> names.add(v.name() + "=" + v.dataset()));
    assertEquals(List.of("catalog=null", "A_B_x=A_B.x", "a_b=a/b", "a_b_2=a_b", "catalog_2=catalog"), names);
  }

  @Test
  void severalFilesShareViewsAndEachViewKnowsItsFiles() throws IOException {
    String tar = Fixtures.uri("nwb/ephys_session.lindi.tar");
    SqlViews views = SqlViews.of(List.of(NWB, tar), new Configuration());
    assertEquals(2, views.files().size());
    assertEquals(2, view(views, "units").files().size());
    assertTrue(views.listing().contains("[2/2 files]"), views.listing());
  }

  @Test
  void aGlobExpandsToTheFilesItMatches() throws IOException {
    String glob = Fixtures.dir().resolve("nwb").toUri() + "ephys_session.lindi.{json,tar}";
    assertEquals(2, SqlViews.of(List.of(glob), new Configuration()).files().size());
  }

  @Test
  void aQueryRegistersOnlyTheViewsItNames() throws IOException {
    SqlViews views = SqlViews.of(List.of(NWB), new Configuration());
    List<String> names = new ArrayList<>();
    views.mentionedIn("select u.id, count(*) from UNITS u join units_spike_times s on true").forEach(v -> names.add(v.name()));
    assertEquals(List.of("units", "units_spike_times"), names);
  }

  @Test
  void aMissingFileIsAFileNotFoundException() {
    assertThrows(FileNotFoundException.class, () -> SqlViews.of(List.of("/no/such/file.lindi"), new Configuration()));
  }
}
