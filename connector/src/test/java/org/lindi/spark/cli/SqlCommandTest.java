package org.lindi.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.Fixtures;
import org.lindi.spark.SharedSpark;

/** {@code lindi sql QUERY FILE...}: results as a table, clear errors, exit codes 0 / 1 / 2. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlCommandTest {
  private static final String NWB = Fixtures.uri("nwb/ephys_session.lindi.json");
  private static final String TAR = Fixtures.uri("nwb/ephys_session.lindi.tar");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int sql(String... args) {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    try {
      return new SqlCommand(o, e).in(SharedSpark.session()).run(args);
    } catch (CliUsageException x) {
      return LindiMain.USAGE; // what LindiMain makes of it
    }
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aQueryOverATablePrintsItsRowsLikeShow() {
    assertEquals(0, sql("SELECT id, size(spike_times) AS spikes FROM units ORDER BY id", NWB));
    String[] lines = out().split("\n");
    assertEquals("+---+------+", lines[0]);
    assertEquals("|id |spikes|", lines[1]);
    assertEquals(8 + 4, lines.length, out());
    assertTrue(lines[3].startsWith("|0  |"), out());
  }

  @Test
  void anArrayViewIsItsRowsWithNwbTime() {
    assertEquals(0, sql("SELECT index, round(time, 6) AS t, value[0] AS ch0 FROM acquisition_ElectricalSeries_data "
        + "WHERE time >= 0.5 ORDER BY index", "--limit", "2", NWB));
    assertTrue(out().contains("|15000|0.5"), out());
    assertTrue(out().contains("only showing top 2 rows"), out());
  }

  @Test
  void theCatalogIsAView() {
    assertEquals(0, sql("SELECT count(*) AS arrays FROM catalog WHERE kind = 'array'", NWB));
    assertTrue(out().matches("(?s).*\\|[0-9]+ +\\|.*"), out());
  }

  @Test
  void severalFilesGiveTheFileColumn() {
    assertEquals(0, sql("SELECT _file, count(*) AS units FROM units GROUP BY _file ORDER BY _file", NWB, TAR));
    assertTrue(out().contains("ephys_session.lindi.json|8 "), out());
    assertTrue(out().contains("ephys_session.lindi.tar |8 "), out());
  }

  @Test
  void listPrintsTheViewsWithoutSpark() {
    assertEquals(0, sql("--list", NWB));
    assertTrue(out().contains("acquisition_ElectricalSeries_data"), out());
    assertTrue(out().contains("units  "), out());
  }

  @Test
  void anUnknownViewFailsWithSparksMessageAndTheViewsNoStackTrace() {
    assertEquals(1, sql("SELECT * FROM ElectricalSeries", NWB));
    assertTrue(err().contains("TABLE_OR_VIEW_NOT_FOUND"), err());
    assertTrue(err().contains("acquisition_ElectricalSeries_data"), err());
    assertFalse(err().contains("\tat "), err());
    assertFalse(err().contains("UnresolvedRelation"), err());
  }

  @Test
  void aSyntaxErrorFailsWithExitCode1() {
    assertEquals(1, sql("SELEKT 1", NWB));
    assertTrue(err().contains("PARSE_SYNTAX_ERROR"), err());
  }

  @Test
  void aFileThatIsNotLindiFailsWithExitCode1NamingIt() {
    String notLindi = Fixtures.uri("manifest.json");
    assertEquals(1, sql("SELECT 1", notLindi));
    assertTrue(err().contains("manifest.json"), err());
    assertEquals(1, sql("SELECT 1", "/no/such/session.lindi"));
    assertTrue(err().contains("/no/such/session.lindi"), err());
  }

  @Test
  void badArgumentsAreExitCode2() {
    assertEquals(2, sql("SELECT 1"));
    assertEquals(2, sql("--limit", "many", "SELECT 1", NWB));
    assertEquals(2, sql("--bogus", "SELECT 1", NWB));
    assertEquals(2, sql("--option", "dataset=x", "SELECT 1", NWB));
  }

  @Test
  void theMainEntryDelegatesSparkFreeCommandsAndChecksArguments() {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(0, LindiMain.run(new String[] {"info", Fixtures.file("nwb/ephys_session.lindi.json").toString()}, o, e));
    assertTrue(out().contains("ElectricalSeries"), out());
    assertEquals(2, LindiMain.run(new String[] {"frobnicate"}, o, e));
    assertEquals(2, LindiMain.run(new String[0], o, e));
    assertEquals(2, LindiMain.run(new String[] {"demo", "--channels", "0"}, o, e));
    assertEquals(0, LindiMain.run(new String[] {"help"}, o, e));
    assertTrue(out().contains("sql [options] QUERY FILE..."), out());
  }
}
