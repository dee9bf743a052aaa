package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.scalableminds.bloscjava.Blosc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.codec.ByteSlice;

/**
 * The automatic block size ({@code compute_blocksize}) and split decision are C-Blosc 1.21's for
 * every cname and clevel, over item sizes around the split limit and buffer sizes around L1; C's
 * choice is read from the header of a frame it writes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BloscBlockSizeTest {
  static List<Arguments> settings() {
    List<Arguments> settings = new ArrayList<>();
    for (Blosc.Compressor c : Blosc.Compressor.values()) {
      for (int clevel = 0; clevel <= 9; clevel++) {
        for (int typesize : new int[] {1, 2, 8, 16, 17}) {
          for (int nbytes : new int[] {200, 32767 * typesize, 40_000 * typesize, 1_100_000}) {
            settings.add(Arguments.of(c, clevel, typesize, nbytes));
          }
        }
      }
    }
    return settings;
  }

  @ParameterizedTest(name = "{0} clevel {1} typesize {2} nbytes {3}")
  @MethodSource("settings")
  void automaticBlockSizeIsCBloscs(Blosc.Compressor c, int clevel, int typesize, int nbytes) {
    byte[] frame = Blosc.compress(new byte[nbytes], typesize, c, clevel, Blosc.Shuffle.BYTE_SHUFFLE, 0, 1);
    BloscHeader h = BloscHeader.read(ByteSlice.of(frame));
    BloscCompressor compressor = BloscCompressor.ofName(c.getValue());

    int blocksize = BloscFrameEncoder.blocksize(compressor, clevel, typesize, nbytes, 0);

    assertEquals(h.blocksize(), blocksize, "blocksize");
    assertEquals(!h.dontSplit(), BloscFrameEncoder.splits(compressor, typesize, blocksize), "split");
  }
}
