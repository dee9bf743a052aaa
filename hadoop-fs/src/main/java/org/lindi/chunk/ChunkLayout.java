package org.lindi.chunk;

import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.error.CodecException;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Order;

/**
 * Brings decoded chunk bytes to the one layout the rest of the reader uses: the full chunk shape,
 * C order, little-endian. Pads short raw chunks with zeros (SPEC section 3) and rejects any other
 * size mismatch.
 */
final class ChunkLayout {
  private final int[] chunks;
  private final int chunkBytes;
  private final int itemSize;
  private final int swapUnit;
  private final boolean swap;
  private final boolean fortran;
  private final boolean padShort;

  ChunkLayout(ArrayMetadata meta) {
    DType dtype = meta.dtype();
    this.chunks = meta.chunks();
    this.itemSize = dtype.kind() == DType.Kind.OBJECT ? 0 : dtype.itemSize();
    this.chunkBytes = (int) (meta.chunkElements() * itemSize);
    this.swapUnit = dtype.swapUnit();
    this.swap = dtype.isBigEndian() && swapUnit > 1;
    this.fortran = meta.order() == Order.F && chunks.length > 1;
    this.padShort = meta.isUncompressed();
  }

  int chunkBytes() {
    return chunkBytes;
  }

  /** Normalises {@code decoded}; the result may share {@code decoded}'s array. */
  ByteSlice normalize(ByteSlice decoded, DecodeContext ctx) {
    ByteSlice data = decoded;
    if (data.length() != chunkBytes) {
      if (data.length() < chunkBytes && padShort) {
        ctx.markInput(data.array());
        byte[] out = ctx.scratch(chunkBytes);
        System.arraycopy(data.array(), data.offset(), out, 0, data.length());
        java.util.Arrays.fill(out, data.length(), chunkBytes, (byte) 0);
        data = new ByteSlice(out, 0, chunkBytes);
      } else {
        throw new CodecException("chunk decodes to " + data.length() + " bytes, expected "
            + chunkBytes + (padShort ? "" : " (only raw chunks may be short)"));
      }
    }
    if (swap) {
      ctx.markInput(data.array());
      byte[] out = ctx.scratch(chunkBytes);
      swapBytes(data.array(), data.offset(), out, chunkBytes, swapUnit);
      data = new ByteSlice(out, 0, chunkBytes);
    }
    if (fortran) {
      ctx.markInput(data.array());
      byte[] out = ctx.scratch(chunkBytes);
      transposeFortranToC(data.array(), data.offset(), out, itemSize);
      data = new ByteSlice(out, 0, chunkBytes);
    }
    return data;
  }

  /** Reorders an F-order object chunk to C order (in a new array). */
  Object[] normalize(Object[] decoded) {
    int n = 1;
    for (int c : chunks) {
      n *= c;
    }
    if (decoded.length != n) {
      throw new CodecException("chunk decodes to " + decoded.length + " elements, expected " + n);
    }
    if (!fortran) {
      return decoded;
    }
    Object[] out = new Object[n];
    int[] idx = new int[chunks.length];
    long[] fStride = fortranStrides();
    for (int c = 0; c < n; c++) {
      long f = 0;
      for (int k = 0; k < idx.length; k++) {
        f += idx[k] * fStride[k];
      }
      out[c] = decoded[(int) f];
      increment(idx);
    }
    return out;
  }

  private long[] fortranStrides() {
    long[] s = new long[chunks.length];
    long acc = 1;
    for (int k = 0; k < chunks.length; k++) {
      s[k] = acc;
      acc *= chunks[k];
    }
    return s;
  }

  private void increment(int[] idx) {
    for (int k = idx.length - 1; k >= 0; k--) {
      if (++idx[k] < chunks[k]) {
        return;
      }
      idx[k] = 0;
    }
  }

  private static void swapBytes(byte[] src, int off, byte[] dst, int len, int unit) {
    for (int i = 0; i < len; i += unit) {
      for (int j = 0; j < unit; j++) {
        dst[i + j] = src[off + i + unit - 1 - j];
      }
    }
  }

  /** Copies an F-order chunk into C order: walks the C output and the F input in step. */
  private void transposeFortranToC(byte[] src, int off, byte[] dst, int size) {
    int rank = chunks.length;
    long[] fStride = fortranStrides();
    int inner = chunks[rank - 1];
    int innerStride = (int) fStride[rank - 1] * size;
    int[] idx = new int[rank];
    int outer = 1;
    for (int k = 0; k < rank - 1; k++) {
      outer *= chunks[k];
    }
    int d = 0;
    for (int o = 0; o < outer; o++) {
      long base = 0;
      for (int k = 0; k < rank - 1; k++) {
        base += idx[k] * fStride[k];
      }
      int s = off + (int) base * size;
      for (int i = 0; i < inner; i++) {
        System.arraycopy(src, s, dst, d, size);
        s += innerStride;
        d += size;
      }
      for (int k = rank - 2; k >= 0; k--) {
        if (++idx[k] < chunks[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
  }
}
