package org.lindi.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.zarr.DType;

/**
 * Once a reader thread's {@link DecodeContext} has grown to the chunk size, decoding more chunks
 * allocates (almost) nothing: the output goes to the reused scratch buffers.
 */
@Timeout(60)
class SteadyStateAllocationTest {
  private static final int CHUNK = 1 << 20;

  static Stream<Codec> codecs() {
    return Stream.of(new ZlibCodec(1), new GzipCodec(1), new ZstdCodec(3), new Lz4Codec(1), new ShuffleCodec(4),
        DeltaCodec.of(DType.parse("<i4"), DType.parse("<i4")),
        AsTypeCodec.of(DType.parse("<i2"), DType.parse("<f4")),
        FixedScaleOffsetCodec.of(CodecVectors.JSON.getNodeFactory().numberNode(0),
            CodecVectors.JSON.getNodeFactory().numberNode(10), DType.parse("<f4"), DType.parse("<i2")),
        new PackBitsCodec(), new Fletcher32Codec());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void decodingAnotherChunkAllocatesLessThanOnePercentOfIt(Codec codec) {
    com.sun.management.ThreadMXBean mx = threadBean();
    byte[] raw = new byte[CHUNK];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i % 251 * (i % 7));
    }
    byte[] encoded;
    if (codec instanceof PackBitsCodec) {
      encoded = new byte[1 + CHUNK / 8];
    } else if (codec instanceof AsTypeCodec || codec instanceof FixedScaleOffsetCodec) {
      encoded = raw;
    } else {
      encoded = codec.encode(ByteSlice.of(raw), new EncodeContext()).toArray();
    }
    DecodeContext ctx = new DecodeContext();
    long limit = 8L * CHUNK;
    for (int i = 0; i < 20; i++) { // warm up: grow the scratch buffers, compile
      codec.decode(ByteSlice.of(encoded), ctx.prepare(limit, -1));
    }
    long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
    int rounds = 20;
    for (int i = 0; i < rounds; i++) {
      codec.decode(ByteSlice.of(encoded), ctx.prepare(limit, -1));
    }
    long perChunk = (mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / rounds;
    assertTrue(perChunk < CHUNK / 100, codec + " allocates " + perChunk + " bytes per 1 MiB chunk");
  }

  private static com.sun.management.ThreadMXBean threadBean() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "JVM cannot count allocated bytes");
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
    assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled(), "allocation counting is off");
    return bean;
  }
}
