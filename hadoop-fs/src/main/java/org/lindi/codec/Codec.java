package org.lindi.codec;

import org.lindi.error.UnsupportedFeatureException;

/**
 * A numcodecs codec (compressor or filter) with numcodecs' exact byte format. Implementations are
 * immutable and thread safe: per-call state (scratch buffers) lives in the {@link DecodeContext}.
 * Custom codecs are provided through {@link CodecFactory} and {@link java.util.ServiceLoader}.
 */
public interface Codec {
  /** The numcodecs id, e.g. {@code "blosc"}, {@code "zlib"}, {@code "shuffle"}. */
  String id();

  /**
   * Decodes one chunk. The result may be a slice of a scratch buffer from {@code context}, or of
   * {@code encoded} itself, and is valid until the next call with the same context. Decoded sizes
   * declared by the encoded bytes are checked against {@link DecodeContext#maxDecodedBytes()} before
   * anything is allocated.
   */
  ByteSlice decode(ByteSlice encoded, DecodeContext context);

  /** Encodes one chunk of decoded bytes (writing support); the default refuses. */
  default ByteSlice encode(ByteSlice decoded, EncodeContext context) {
    throw new UnsupportedFeatureException("codec '" + id() + "' cannot encode yet");
  }
}
