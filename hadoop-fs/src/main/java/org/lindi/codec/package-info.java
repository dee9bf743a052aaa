/**
 * numcodecs codecs with numcodecs' exact byte formats, found by id through {@link
 * org.lindi.codec.CodecRegistry}.
 *
 * <p>Decoding a chunk runs the compressor, then the filters in reverse order, each through
 * {@link org.lindi.codec.Codec#decode} with one per-thread {@link org.lindi.codec.DecodeContext}
 * prepared with the chunk's decoded-size limit (and its element count, which the object codecs
 * {@code json2}, {@code vlen-utf8} and {@code vlen-bytes} check); an {@link
 * org.lindi.codec.ObjectCodec} is always the last step. Codecs write into the context's scratch
 * buffers, never allocate beyond the limit, and report corrupt input as a {@link
 * org.lindi.error.CodecException} ({@link org.lindi.error.DecompressionLimitException} for bombs).
 *
 * <p>A custom codec is a {@link org.lindi.codec.CodecFactory} listed in
 * {@code META-INF/services/org.lindi.codec.CodecFactory} in a jar on the driver and executor
 * classpath, exactly like the built-in ones (each built-in codec's factory is its nested
 * {@code Factory} class).
 */
package org.lindi.codec;
