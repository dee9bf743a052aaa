package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scalableminds.bloscjava.Blosc;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;

/**
 * Byte-shuffled 2-byte items whose streams C-Blosc stored raw (noise planes) are unshuffled
 * straight from the frame: one raw plane beside a compressed one, both planes raw, and last
 * blocks too small to split (one stream; odd sizes: the tail byte) decode to C's input.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BloscRawPlanesTest {
  @ParameterizedTest(name = "{0}, {1} bytes, blocksize {2}, noisy high bytes {3}")
  @CsvSource({
      "lz4, 262144, 0, false", "lz4, 262144, 0, true", "blosclz, 262144, 0, false",
      "blosclz, 100001, 16384, false", "lz4, 100001, 16384, true", "lz4, 65537, 65536, true",
      "blosclz, 65537, 65536, false"})
  void rawStreamsAreReadInPlace(String cname, int size, int blocksize, boolean noisyHigh) {
    byte[] data = new byte[size];
    Random random = new Random(size);
    for (int i = 0; i < size; i++) {
      // low bytes noise (stored raw), high bytes a slow ramp (compressible) or, outside the
      // middle third, noise too (both planes raw there; the frame as a whole still compresses)
      boolean noise = i % 2 == 0 || noisyHigh && (i < size / 3 || i > 2 * size / 3);
      data[i] = noise ? (byte) random.nextInt() : (byte) (i >> 12);
    }
    byte[] frame = Blosc.compress(data, 2, Blosc.Compressor.fromString(cname), 5,
        Blosc.Shuffle.fromInt(1), blocksize, 1);
    assertTrue(hasRawStream(frame), "the frame should hold a stream stored raw");

    byte[] decoded = new BloscCodec(cname, 5, BloscCodec.SHUFFLE, blocksize)
        .decode(ByteSlice.of(frame), new DecodeContext()).toArray();

    assertArrayEquals(data, decoded);
  }

  /** True when some stream of some block has its decoded size (c-blosc stored it raw). */
  private static boolean hasRawStream(byte[] frame) {
    BloscHeader h = BloscHeader.read(ByteSlice.of(frame));
    if (h.memcpyed()) {
      return false;
    }
    for (int j = 0; j < h.blockCount(); j++) {
      int size = Math.min(h.blocksize(), h.nbytes() - j * h.blocksize());
      boolean split = !h.dontSplit() && size == h.blocksize() && size / 2 >= 128;
      int streams = split ? 2 : 1;
      int offset = LittleEndian.getInt(frame, BloscHeader.SIZE + 4 * j);
      for (int s = 0; s < streams; s++) {
        int len = LittleEndian.getInt(frame, offset);
        if (len == size / streams) {
          return true;
        }
        offset += 4 + len;
      }
    }
    return false;
  }
}
