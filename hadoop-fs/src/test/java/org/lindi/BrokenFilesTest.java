package org.lindi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.error.LindiFormatException;

/** Files that cannot open at all fail fast with a format error naming the file and the problem. */
class BrokenFilesTest {
  static Stream<Arguments> unopenable() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode f : Fixtures.files()) {
      if (f.has("expect_error") && f.get("arrays").size() == 0) {
        out.add(Arguments.of(f.get("file").asText(), f.get("expect_error").asText()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("unopenable")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void failsToOpenWithTypedError(String name, String expected) {
    LindiFormatException e = assertThrows(LindiFormatException.class,
        () -> LindiFile.open(Fixtures.hadoopPath(name), new Configuration()).close());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    String fileName = name.substring(name.lastIndexOf('/') + 1);
    assertTrue(e.getMessage().contains(fileName), "names the file: " + e.getMessage());
  }
}
