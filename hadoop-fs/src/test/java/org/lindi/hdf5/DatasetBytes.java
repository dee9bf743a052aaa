package org.lindi.hdf5;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Test-side assembly of a whole dataset from the locations {@link Hdf5Dataset} reports (chunks,
 * contiguous range or compact bytes), as the C-order little-endian bytes whose sha256 the sidecar
 * (computed by h5py) holds.
 */
final class DatasetBytes {
  private DatasetBytes() {}

  static String sha256(Hdf5Dataset d, CountingFileSource file) {
    byte[] native_ = nativeBytes(d, file);
    return sha256(littleEndian(native_, d.datatype()));
  }

  static byte[] nativeBytes(Hdf5Dataset d, CountingFileSource file) {
    int item = d.datatype().size();
    long[] shape = d.shape();
    long count = 1;
    for (long s : shape) {
      count *= s;
    }
    switch (d.layout()) {
      case COMPACT:
        return java.util.Arrays.copyOf(d.compactData(), Math.toIntExact(count * item));
      case CONTIGUOUS:
        if (d.contiguousAddress() < 0) {
          return filled(count, item, d.fillValue());
        }
        return file.slurp(d.contiguousAddress(), count * item);
      default:
        return fromChunks(d, file, shape, count, item);
    }
  }

  private static byte[] fromChunks(Hdf5Dataset d, CountingFileSource file, long[] shape, long count,
      int item) {
    byte[] out = filled(count, item, d.fillValue());
    int[] chunk = d.chunkShape();
    int rank = shape.length;
    int chunkElements = 1;
    for (int c : chunk) {
      chunkElements *= c;
    }
    for (Hdf5Chunk c : d.chunks()) {
      byte[] stored = file.slurp(c.address(), c.size());
      byte[] raw = ChunkDecoder.decode(stored, d.filterCodecs(c.filterMask()), d.datatype(),
          chunkElements * item);
      int[] pos = new int[rank];
      for (int e = 0; e < chunkElements; e++) {
        // position of element e inside the chunk, C order
        int rest = e;
        for (int i = rank - 1; i >= 0; i--) {
          pos[i] = rest % chunk[i];
          rest /= chunk[i];
        }
        long target = 0;
        boolean inside = true;
        for (int i = 0; i < rank; i++) {
          long g = c.offset(i) + pos[i];
          inside &= g < shape[i];
          target = target * shape[i] + g;
        }
        if (inside) {
          System.arraycopy(raw, e * item, out, (int) (target * item), item);
        }
      }
    }
    return out;
  }

  private static byte[] filled(long count, int item, byte[] fill) {
    byte[] out = new byte[Math.toIntExact(count * item)];
    if (fill != null && fill.length == item) {
      for (int i = 0; i < out.length; i += item) {
        System.arraycopy(fill, 0, out, i, item);
      }
    }
    return out;
  }

  static byte[] littleEndian(byte[] data, Hdf5Datatype t) {
    if (t.byteOrder() != java.nio.ByteOrder.BIG_ENDIAN || t.size() == 1
        || t.typeClass() == Hdf5Datatype.STRING) {
      return data;
    }
    byte[] out = new byte[data.length];
    int n = t.size();
    for (int i = 0; i < data.length; i += n) {
      for (int j = 0; j < n; j++) {
        out[i + j] = data[i + n - 1 - j];
      }
    }
    return out;
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
