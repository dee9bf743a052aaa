package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Locating the chunks of a dataset reads only metadata: a few range reads covering a small part of
 * a file whose bulk is chunk data.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class Hdf5RangeReadTest {

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of(Hdf5FixturesTest.fixture("nwb/ephys_session.h5"),
            "acquisition/ElectricalSeries/data", 4096, 4, 0.10, 20),
        Arguments.of(Hdf5FixturesTest.fixture("nwb/ephys_session.h5"),
            "acquisition/ElectricalSeries/data", Hdf5File.DEFAULT_BLOCK_SIZE, 4, 0.25, 10),
        Arguments.of(Hdf5FixturesTest.fixture("h5conv/sample.h5"), "acquisition/ephys/many_chunks",
            4096, 30, 0.10, 20),
        Arguments.of(Sidecars.h5("latest"), "index/earray_filtered_sblocks", 4096, 500, 0.20, 40));
  }

  @ParameterizedTest(name = "{1} of {0} in {2}-byte blocks")
  @MethodSource("files")
  void locatingChunksReadsOnlyASmallPartOfTheFile(Path file, String dataset, int blockSize,
      int chunks, double maxFraction, int maxReads) {
    try (CountingFileSource source = new CountingFileSource(file)) {
      Hdf5Dataset d = Hdf5File.open(source, file.getFileName().toString(), blockSize).dataset(dataset);
      assertEquals(chunks, d.chunks().size());
      long chunkBytes = d.chunks().stream().mapToLong(Hdf5Chunk::size).sum();
      double fraction = (double) source.bytesRead() / source.size();
      String stats = source.reads() + " reads, " + source.bytesRead() + " of " + source.size()
          + " bytes (" + Math.round(fraction * 1000) / 10.0 + "%); chunks hold " + chunkBytes;
      System.out.println("[hdf5 range reads] " + dataset + ", " + blockSize + "-byte blocks: " + stats);
      assertTrue(fraction <= maxFraction, stats);
      assertTrue(source.reads() <= maxReads, stats);
    }
  }
}
