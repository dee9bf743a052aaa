package org.lindi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lindi.JsonAssertions.assertJsonEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.tree.NodeKind;

/** The hierarchy of every fixture file: the manifest's nodes, kinds, link targets and attributes. */
class ManifestNodesTest {
  static Stream<Arguments> files() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode f : Fixtures.files()) {
      if (f.has("expect_error") && f.get("arrays").size() == 0) {
        continue; // cannot open at all: BrokenFilesTest
      }
      out.add(Arguments.of(f.get("file").asText(), f));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void nodesMatchManifest(String name, JsonNode file) throws Exception {
    try (LindiFile f = LindiFile.open(Fixtures.hadoopPath(name), new Configuration())) {
      TreeSet<String> expectedPaths = new TreeSet<>();
      for (JsonNode n : file.get("nodes")) {
        String path = n.get("path").asText();
        expectedPaths.add(path);
        LindiNode node = f.node(path);
        assertNotNull(node, "node /" + path);
        String kind = n.get("kind").asText();
        assertEquals(kind.equals("soft_link") ? NodeKind.LINK : NodeKind.valueOf(kind.toUpperCase()),
            node.kind(), "kind of /" + path);
        JsonNode attrs = n.get("attrs");
        if (node instanceof LindiLink) {
          assertEquals(attrs.get("target").asText(), ((LindiLink) node).target(), "target of /" + path);
          assertNotNull(((LindiLink) node).resolve(), "link target of /" + path + " exists");
        } else {
          assertJsonEquals(attrs, node.attributes(), "attributes of /" + path);
        }
      }
      TreeSet<String> actual = new TreeSet<>();
      f.nodes().forEach(n -> actual.add(n.path()));
      assertEquals(expectedPaths, actual, "every node and nothing else");
    }
  }
}
