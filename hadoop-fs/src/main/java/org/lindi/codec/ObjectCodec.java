package org.lindi.codec;

import org.lindi.error.CodecException;

/**
 * A codec whose decoded form is an array of objects rather than bytes ({@code json2},
 * {@code vlen-utf8}, {@code vlen-bytes}); it is always the last step of decoding.
 * Elements are {@link String}, {@code byte[]}, {@link Number}, {@link Boolean}, {@code null} or a
 * Jackson {@code JsonNode} for structured values (references, compound rows).
 */
public interface ObjectCodec extends Codec {
  /** Decodes the chunk into its elements in storage order. */
  Object[] decodeObjects(ByteSlice encoded, DecodeContext context);

  @Override
  default ByteSlice decode(ByteSlice encoded, DecodeContext context) {
    throw new CodecException("codec '" + id() + "' decodes to objects, not bytes");
  }
}
