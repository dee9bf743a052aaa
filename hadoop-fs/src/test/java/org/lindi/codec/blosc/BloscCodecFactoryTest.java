package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalableminds.bloscjava.Blosc;
import java.util.Arrays;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.CodecFactory;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.EncodeContext;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.zarr.DType;

/**
 * The {@code blosc} codec as numcodecs configures it: found through ServiceLoader, configuration
 * fields and defaults, AUTOSHUFFLE, configuration errors, and encoding from a context whose
 * scratch buffer holds the input.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BloscCodecFactoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void serviceLoaderFindsTheFactoryById() {
    boolean found = false;
    for (CodecFactory f : ServiceLoader.load(CodecFactory.class)) {
      found |= f.id().equals("blosc") && f instanceof BloscCodecFactory;
    }
    assertTrue(found);
  }

  @Test
  void configurationFieldsBecomeTheCodecsSettings() throws Exception {
    JsonNode config = JSON.readTree(
        "{\"id\":\"blosc\",\"cname\":\"zstd\",\"clevel\":3,\"shuffle\":2,\"blocksize\":4096}");

    BloscCodec codec = (BloscCodec) new BloscCodecFactory().create(config, DType.parse("<f8"));

    assertEquals(new BloscCodec("zstd", 3, 2, 4096), codec);
    assertEquals("blosc", codec.id());
    assertEquals(new BloscCodec("zstd", 3, 2, 4096).hashCode(), codec.hashCode());
    assertNotEquals(new BloscCodec("zstd", 3, 1, 4096), codec);
    assertEquals("BloscCodec[cname=zstd, clevel=3, shuffle=2, blocksize=4096]", codec.toString());
  }

  @Test
  void missingFieldsTakeNumcodecsDefaults() throws Exception {
    BloscCodec codec = (BloscCodec) new BloscCodecFactory()
        .create(JSON.readTree("{\"id\":\"blosc\"}"), DType.parse("<i2"));

    assertEquals(new BloscCodec("lz4", 5, BloscCodec.SHUFFLE, 0), codec);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"clevel\":\"five\"}", "{\"shuffle\":1.5}", "{\"cname\":4}"})
  void malformedFieldsAreFormatErrors(String config) throws Exception {
    assertThrows(LindiFormatException.class,
        () -> new BloscCodecFactory().create(JSON.readTree(config), DType.parse("<i2")));
  }

  @Test
  void anUnknownCompressorStillDecodesButCannotEncode() {
    BloscCodec codec = new BloscCodec("brotli", 5, 1, 0);
    byte[] data = TestData.WALK.make(1000, 2, new Random(1));
    byte[] frame = new BloscCodec("lz4", 5, 1, 0)
        .encode(ByteSlice.of(data), new EncodeContext().itemSize(2)).toArray();

    assertArrayEquals(data, codec.decode(ByteSlice.of(frame), new DecodeContext()).toArray());
    assertThrows(UnsupportedFeatureException.class,
        () -> codec.encode(ByteSlice.of(data), new EncodeContext().itemSize(2)));
  }

  @ParameterizedTest
  @CsvSource({"10, 1, 0", "-1, 1, 0", "5, 3, 0", "5, -2, 0", "5, 1, -1"})
  void outOfRangeSettingsCannotEncode(int clevel, int shuffle, int blocksize) {
    BloscCodec codec = new BloscCodec("lz4", clevel, shuffle, blocksize);

    assertThrows(LindiFormatException.class,
        () -> codec.encode(ByteSlice.of(new byte[100]), new EncodeContext().itemSize(2)));
  }

  @ParameterizedTest
  @CsvSource({"1, 4", "2, 1", "8, 1"})
  void autoshuffleBitShufflesBytesAndByteShufflesWiderItems(int itemSize, int expectedFlag) {
    BloscCodec codec = new BloscCodec("lz4", 5, BloscCodec.AUTOSHUFFLE, 0);

    ByteSlice frame = codec.encode(ByteSlice.of(TestData.WALK.make(4000, itemSize, new Random(4))),
        new EncodeContext().itemSize(itemSize));

    assertEquals(expectedFlag, BloscHeader.read(frame).flags() & 0x05);
  }

  @Test
  void encodingDataThatLivesInTheContextsScratchLeavesItIntact() {
    EncodeContext ctx = new EncodeContext().itemSize(4);
    byte[] data = TestData.RANDOM.make(3000, 4, new Random(6));
    byte[] scratch = ctx.scratch(4000); // e.g. the output of a filter encoded before
    System.arraycopy(data, 0, scratch, 0, data.length);

    ByteSlice frame = new BloscCodec("lz4", 5, 1, 0).encode(new ByteSlice(scratch, 0, 3000), ctx);

    assertArrayEquals(data, Arrays.copyOf(scratch, 3000));
    assertArrayEquals(data, new BloscCodec("lz4", 5, 1, 0)
        .decode(frame, new DecodeContext()).toArray());
  }

  @Test
  void anEmptyChunkRoundTrips() {
    BloscCodec codec = new BloscCodec("lz4", 5, 1, 0);

    ByteSlice frame = codec.encode(ByteSlice.EMPTY, new EncodeContext().itemSize(8));

    assertEquals(16, frame.length());
    assertEquals(0, codec.decode(frame, new DecodeContext()).length());
    assertSame(0, Blosc.decompress(frame.toArray()).length);
  }
}
