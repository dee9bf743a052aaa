package org.lindi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lindi.Fixtures;

/**
 * {@code http://} refs read through the range-read filesystem of hadoop-fs, which the connector
 * registers for http/https: a lindi file loaded from a local HTTP server (its relative refs are then
 * remote too), and a local lindi file whose refs {@code urlRewrite} sends to the server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpTest {
  private static RangeServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new RangeServer(Fixtures.dir());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void lindiFileServedOverHttp() {
    int before = server.rangeRequests.get();
    ManifestCheck.assertArray(SharedSpark.session(), server.url() + "nwb/ephys_session.lindi.json",
        "nwb/ephys_session.lindi.json", "acquisition/ElectricalSeries/data");
    ManifestCheck.assertArray(SharedSpark.session(), server.url() + "lindi1/pr88_example.lindi",
        "lindi1/pr88_example.lindi", "data");
    // an _EXTERNAL_ARRAY_LINK array: its HDF5 chunk index and chunks come over http too
    ManifestCheck.assertArray(SharedSpark.session(), server.url() + "h5conv/sample.lindi.json",
        "h5conv/sample.lindi.json", "acquisition/ephys/many_chunks");
    assertTrue(server.rangeRequests.get() > before, "chunks came through range requests");
  }

  @Test
  void nwbTimeWindowAndUnitsTableOverHttp() {
    int before = server.rangeRequests.get();
    NwbCheck.assertTimeWindowAndUnits(SharedSpark.session(), server.url() + "nwb/ephys_session.lindi.json");
    NwbCheck.assertTimeWindowAndUnits(SharedSpark.session(), server.url() + "nwb/ephys_session.lindi.tar");
    assertTrue(server.rangeRequests.get() > before, "chunks came through range requests");
  }

  @Test
  void urlRewriteSendsRefsToHttp() {
    int before = server.rangeRequests.get();
    String rewrite = "sample.h5=" + server.url() + "h5conv/sample.h5";
    long n = SharedSpark.session().read().format("lindi").option("dataset", "acquisition/ephys/data")
        .option("urlRewrite", rewrite).load(Fixtures.uri("h5conv/sample.lindi.json")).count();
    assertEquals(1000, n);
    java.util.List<Object> leaves = new java.util.ArrayList<>();
    for (var r : SharedSpark.session().read().format("lindi").option("dataset", "acquisition/ephys/data")
        .option("urlRewrite", rewrite).load(Fixtures.uri("h5conv/sample.lindi.json")).collectAsList()) {
      ExpectedValues.flatten(r.get(1), leaves);
    }
    var entry = Fixtures.arrayEntry("h5conv/sample.lindi.json", "acquisition/ephys/data");
    assertEquals(entry.get("sha256").asText(), ExpectedValues.sha256(leaves,
        org.lindi.zarr.DType.parse(entry.get("dtype").asText())));
    assertTrue(server.rangeRequests.get() > before, "the rewritten refs were fetched over http");
  }
}
