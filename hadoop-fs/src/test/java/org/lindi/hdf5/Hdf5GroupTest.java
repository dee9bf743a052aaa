package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;

/**
 * Groups of every storage kind (symbol tables with several nodes, compact link messages, dense
 * storage in a fractal heap with a creation-order index) list the members h5py lists, and paths
 * through soft links lead where the links point.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class Hdf5GroupTest {

  static Stream<Arguments> groups() {
    return Sidecars.groups();
  }

  static Stream<Arguments> softLinks() {
    return Sidecars.softLinks();
  }

  @ParameterizedTest(name = "{0}: /{1}")
  @MethodSource("groups")
  void groupMembersAreH5pys(String file, String group) {
    List<String> expected = new ArrayList<>();
    Sidecars.sidecar(file).get("groups").get(group).forEach(n -> expected.add(n.asText()));
    try (CountingFileSource source = new CountingFileSource(Sidecars.h5(file))) {
      assertEquals(expected, Hdf5File.open(source, file).members(group));
    }
  }

  @ParameterizedTest(name = "{0}: /{1} -> {2}")
  @MethodSource("softLinks")
  void softLinksLeadToTheirTarget(String file, String link, String target) {
    JsonNode datasets = Sidecars.sidecar(file).get("datasets");
    try (CountingFileSource source = new CountingFileSource(Sidecars.h5(file))) {
      Hdf5File h5 = Hdf5File.open(source, file);
      String resolvedTarget = target.replaceFirst("^/", "");
      if (datasets.has(resolvedTarget) || resolvedTarget.equals("link_to_f4")) {
        Hdf5Dataset viaLink = h5.dataset(link);
        Hdf5Dataset direct = h5.dataset(target);
        assertEquals(direct.chunks(), viaLink.chunks());
        assertEquals(direct.dtype(), viaLink.dtype());
      } else {
        LindiException e = assertThrows(LindiFormatException.class, () -> h5.dataset(link));
        assertTrue(e.getMessage().contains("no object"), e.getMessage());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"earliest", "latest"})
  void aPathThroughASoftLinkedGroupAndLeadingSlashesWork(String file) {
    try (CountingFileSource source = new CountingFileSource(Sidecars.h5(file))) {
      Hdf5File h5 = Hdf5File.open(source, file);
      Hdf5Dataset d = h5.dataset("//a/b/c/./deep_f8");
      assertEquals("a/b/c/deep_f8", d.path());
      assertEquals(d.chunks(), h5.dataset("a/b/link_up").chunks());
      assertEquals(h5.dataset("floats/f4_le_gzip").chunks(), h5.dataset("/a/chain").chunks());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"earliest", "latest"})
  void missingPathsGroupsAndGroupMembersOfDatasetsAreNamedErrors(String file) {
    try (CountingFileSource source = new CountingFileSource(Sidecars.h5(file))) {
      Hdf5File h5 = Hdf5File.open(source, file + ".h5");
      LindiException missing = assertThrows(LindiFormatException.class,
          () -> h5.dataset("ints/nope"));
      assertTrue(missing.getMessage().contains("/ints/nope"), missing.getMessage());
      assertTrue(missing.getMessage().contains(file + ".h5"), missing.getMessage());
      LindiException group = assertThrows(LindiFormatException.class, () -> h5.dataset("ints"));
      assertTrue(group.getMessage().contains("is a group"), group.getMessage());
      LindiException notGroup = assertThrows(LindiFormatException.class,
          () -> h5.dataset("contiguous_i4/x"));
      assertTrue(notGroup.getMessage().contains("not a group"), notGroup.getMessage());
    }
  }

  @Test
  void superblockVersionsAreThoseLibhdf5Wrote() {
    for (String file : Sidecars.FILES) {
      try (CountingFileSource source = new CountingFileSource(Sidecars.h5(file))) {
        assertEquals(Sidecars.sidecar(file).get("superblock_version").asInt(),
            Hdf5File.open(source, file).superblockVersion(), file);
      }
    }
  }
}
