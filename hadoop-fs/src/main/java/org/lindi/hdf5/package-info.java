/**
 * A minimal pure-Java reader of HDF5 metadata over positioned range reads: opens a file through a
 * {@link org.lindi.hdf5.ByteSource}, finds a dataset by path ({@link org.lindi.hdf5.Hdf5File}) and
 * lists where its bytes are ({@link org.lindi.hdf5.Hdf5Dataset}: every allocated chunk, or the
 * contiguous range, or the compact bytes), with its filters mapped to numcodecs configurations.
 * Used for {@code _EXTERNAL_ARRAY_LINK} arrays, whose chunks the RFS does not list.
 *
 * <p>Covers superblocks 0 to 3, object headers 1 and 2, old-style (symbol table) and new-style
 * (link messages, dense fractal-heap storage) groups, soft links, data layouts 3 and 4 with every
 * chunk index (version 1 B-tree, single chunk, implicit, fixed array, extensible array, version 2
 * B-tree). Two HDF5 filters have their own framing and get codecs here: {@code hdf5-lz4} (filter
 * 32004) and {@code hdf5-bitshuffle} (filter 32008), registered through
 * {@code META-INF/services/org.lindi.codec.CodecFactory}.
 */
package org.lindi.hdf5;
