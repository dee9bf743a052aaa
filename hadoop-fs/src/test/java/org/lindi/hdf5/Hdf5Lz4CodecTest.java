package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;

/**
 * The HDF5 lz4 filter's framing: total size, block size, then size-prefixed LZ4 blocks, a block
 * stored raw when compressing does not shrink it. (Frames written by Python are decoded in
 * {@link Hdf5DatasetTest} through the plugins group of latest.h5.)
 */
class Hdf5Lz4CodecTest {
  private final Hdf5Lz4Codec codec = new Hdf5Lz4Codec();

  /** Builds a frame the way H5Zlz4.c does. */
  static byte[] frame(byte[] data, int blockSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(12).putLong(data.length).putInt(blockSize).array());
    for (int at = 0; at < data.length; at += blockSize) {
      byte[] block = Arrays.copyOfRange(data, at, Math.min(data.length, at + blockSize));
      byte[] compressed = LZ4Factory.fastestJavaInstance().fastCompressor().compress(block);
      byte[] stored = compressed.length >= block.length ? block : compressed;
      out.writeBytes(ByteBuffer.allocate(4).putInt(stored.length).array());
      out.writeBytes(stored);
    }
    return out.toByteArray();
  }

  static byte[] data(int n, boolean compressible, long seed) {
    byte[] b = new byte[n];
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (compressible ? (i / 7) % 13 : r.nextInt());
    }
    return b;
  }

  @ParameterizedTest(name = "{0} bytes in blocks of {1}, compressible {2}")
  @CsvSource({"0, 1024, true", "1, 1024, true", "1000, 1024, true", "5000, 1024, true",
      "5000, 1024, false", "65536, 4096, true", "70001, 65536, false", "300, 7, true"})
  void decodesFramesOfEveryShape(int n, int blockSize, boolean compressible) {
    byte[] data = data(n, compressible, n);
    ByteSlice out = codec.decode(ByteSlice.of(frame(data, blockSize)), new DecodeContext());
    assertArrayEquals(data, out.toArray());
  }

  @Test
  void aFrameInsideALargerArrayIsReadFromItsSlice() {
    byte[] f = frame(data(3000, true, 1), 512);
    byte[] padded = new byte[f.length + 20];
    System.arraycopy(f, 0, padded, 10, f.length);
    assertArrayEquals(data(3000, true, 1),
        codec.decode(new ByteSlice(padded, 10, f.length), new DecodeContext()).toArray());
  }

  @Test
  void truncatedOrCorruptFramesAreCodecErrors() {
    byte[] f = frame(data(5000, true, 2), 1024);
    assertThrows(CodecException.class,
        () -> codec.decode(ByteSlice.of(Arrays.copyOf(f, 8)), new DecodeContext()));
    assertThrows(CodecException.class,
        () -> codec.decode(ByteSlice.of(Arrays.copyOf(f, f.length - 3)), new DecodeContext()));
    byte[] bad = f.clone();
    bad[12 + 3] = (byte) 0xff; // first block's size now larger than what remains
    assertThrows(CodecException.class, () -> codec.decode(ByteSlice.of(bad), new DecodeContext()));
  }

  @Test
  void aClaimedSizeBeyondTheChunkLimitIsRefusedBeforeAllocating() {
    byte[] f = frame(data(100, true, 3), 100);
    ByteBuffer.wrap(f).putLong(0, 2_000_000_000L);
    DecodeContext ctx = new DecodeContext().prepare(4000, -1);
    assertThrows(DecompressionLimitException.class, () -> codec.decode(ByteSlice.of(f), ctx));
  }

  @Test
  void theFactoryMakesTheCodecByItsId() throws Exception {
    Hdf5Lz4CodecFactory factory = new Hdf5Lz4CodecFactory();
    assertEquals("hdf5-lz4", factory.id());
    assertEquals(codec, factory.create(new ObjectMapper().readTree("{\"id\":\"hdf5-lz4\"}"), null));
  }
}
