package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HDF5 files behind the shared fixtures: the external array of {@code h5conv/sample.h5}
 * (which LINDI leaves out of the RFS) and the NWB-like recording decode to the manifest's sha256
 * from the chunks this reader locates.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class Hdf5FixturesTest {
  static Path fixture(String relative) {
    return Paths.get(System.getProperty("lindi.fixtures", "../../shared/fixtures")).resolve(relative);
  }

  @Test
  void sampleManyChunksIsThirtyChunksOfOneHundredInt32() {
    try (CountingFileSource source = new CountingFileSource(fixture("h5conv/sample.h5"))) {
      Hdf5Dataset d = Hdf5File.open(source, "sample.h5").dataset("acquisition/ephys/many_chunks");
      assertEquals("<i4", d.dtype());
      assertArrayEquals(new long[] {3000}, d.shape());
      assertArrayEquals(new int[] {100}, d.chunkShape());
      assertEquals(30, d.chunks().size());
      for (int i = 0; i < 30; i++) {
        assertEquals(100L * i, d.chunks().get(i).offset(0));
        assertEquals(400, d.chunks().get(i).size());
      }
      assertEquals("02cc0f28497f16c469d9a1196869052299a83e737f4a392b6c2f67ff31950d93",
          DatasetBytes.sha256(d, source));
    }
  }

  @Test
  void nwbElectricalSeriesDataDecodesToTheManifestSha256() {
    try (CountingFileSource source = new CountingFileSource(fixture("nwb/ephys_session.h5"))) {
      Hdf5Dataset d = Hdf5File.open(source, "ephys_session.h5")
          .dataset("/acquisition/ElectricalSeries/data");
      assertEquals("<i2", d.dtype());
      assertArrayEquals(new long[] {20000, 32}, d.shape());
      assertArrayEquals(new int[] {5000, 32}, d.chunkShape());
      assertEquals(4, d.chunks().size());
      assertEquals("dbfd425070b9559bd30feb860ad1f85a8ea1bb212734d589cf57f3dd5fcd9107",
          DatasetBytes.sha256(d, source));
    }
  }

  @Test
  void nwbSpikeTimesAndElectrodeTableColumnsDecodeToTheManifestSha256() {
    try (CountingFileSource source = new CountingFileSource(fixture("nwb/ephys_session.h5"))) {
      Hdf5File h5 = Hdf5File.open(source, "ephys_session.h5");
      assertEquals("a04e048f31675c1ed42457d304d3268ebd15741672aa33bb658cf577332c5a19",
          DatasetBytes.sha256(h5.dataset("units/spike_times"), source));
      assertEquals("f7e497f33e73dd05cb3139945ada7cd5d6ac5a1533a51620fea450473a47bb70",
          DatasetBytes.sha256(h5.dataset("units/spike_times_index"), source));
      assertEquals("500c09b283901938837eabb66df3be6b86edafde5114f8276c65333cc31b2240",
          DatasetBytes.sha256(h5.dataset("general/extracellular_ephys/electrodes/y"), source));
    }
  }
}
