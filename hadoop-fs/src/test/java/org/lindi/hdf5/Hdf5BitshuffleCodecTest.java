package org.lindi.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.error.CodecException;
import org.lindi.error.DecompressionLimitException;
import org.lindi.zarr.DType;

/**
 * The HDF5 bitshuffle framing's edge cases; the transform itself is checked against C-Blosc's copy
 * of the bitshuffle library through the plugins/bitshuffle_* datasets of latest.h5
 * ({@link Hdf5DatasetTest}).
 */
class Hdf5BitshuffleCodecTest {

  @Test
  void eightOneByteElementsAreATransposedBitMatrix() {
    // element i has only bit i set: row k (bit k of every element) has only bit k set
    byte[] shuffled = {1, 2, 4, 8, 16, 32, 64, (byte) 128};
    byte[] expected = {1, 2, 4, 8, 16, 32, 64, (byte) 128};
    byte[] out = new Hdf5BitshuffleCodec(1, 8, 0).decode(ByteSlice.of(shuffled), new DecodeContext())
        .toArray();
    assertArrayEquals(expected, out);
    // all elements 0x01: row 0 all ones, the other rows zero
    byte[] ones = new Hdf5BitshuffleCodec(1, 8, 0)
        .decode(ByteSlice.of(new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0}), new DecodeContext())
        .toArray();
    assertArrayEquals(new byte[] {1, 1, 1, 1, 1, 1, 1, 1}, ones);
  }

  @Test
  void elementsPastTheLastMultipleOfEightAreCopied() {
    byte[] in = {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 42, 43, 44};
    byte[] out = new Hdf5BitshuffleCodec(1, 0, 0).decode(ByteSlice.of(in), new DecodeContext())
        .toArray();
    assertArrayEquals(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 42, 43, 44}, out);
  }

  @Test
  void truncatedChunksAndBadHeadersAreCodecErrors() {
    Hdf5BitshuffleCodec lz4 = new Hdf5BitshuffleCodec(4, 0, 2);
    assertThrows(CodecException.class, () -> lz4.decode(ByteSlice.of(new byte[5]), new DecodeContext()));
    byte[] header = ByteBuffer.allocate(16).putLong(64).putInt(12).putInt(3).array();
    assertThrows(CodecException.class, () -> lz4.decode(ByteSlice.of(header), new DecodeContext()));
    byte[] truncated = ByteBuffer.allocate(16).putLong(64).putInt(64).putInt(100).array();
    assertThrows(CodecException.class, () -> lz4.decode(ByteSlice.of(truncated), new DecodeContext()));
    assertThrows(CodecException.class, () -> new Hdf5BitshuffleCodec(4, 0, 0)
        .decode(ByteSlice.of(new byte[6]), new DecodeContext()));
    assertThrows(CodecException.class, () -> new Hdf5BitshuffleCodec(4, 12, 0));
    assertThrows(CodecException.class, () -> new Hdf5BitshuffleCodec(4, 0, 1));
  }

  @Test
  void aClaimedSizeBeyondTheChunkLimitIsRefusedBeforeAllocating() {
    byte[] header = ByteBuffer.allocate(16).putLong(1L << 40).putInt(64).putInt(3).array();
    DecodeContext ctx = new DecodeContext().prepare(4000, -1);
    assertThrows(DecompressionLimitException.class,
        () -> new Hdf5BitshuffleCodec(4, 0, 3).decode(ByteSlice.of(header), ctx));
  }

  @Test
  void theDefaultBlockIsTheLibrarys() {
    assertEquals(2048, Hdf5BitshuffleCodec.defaultBlock(4));
    assertEquals(1024, Hdf5BitshuffleCodec.defaultBlock(8));
    assertEquals(128, Hdf5BitshuffleCodec.defaultBlock(100));
    assertEquals(8192, Hdf5BitshuffleCodec.defaultBlock(1));
  }

  @Test
  void theFactoryReadsTheConfigurationAndFallsBackToTheItemSize() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Hdf5BitshuffleCodecFactory factory = new Hdf5BitshuffleCodecFactory();
    assertEquals("hdf5-bitshuffle", factory.id());
    assertEquals(new Hdf5BitshuffleCodec(2, 64, 2), factory.create(json.readTree(
        "{\"id\":\"hdf5-bitshuffle\",\"elementsize\":2,\"blocksize\":64,\"compression\":2}"), null));
    assertEquals(new Hdf5BitshuffleCodec(8, 0, 0),
        factory.create(json.readTree("{\"id\":\"hdf5-bitshuffle\"}"), DType.parse("<f8")));
  }
}
