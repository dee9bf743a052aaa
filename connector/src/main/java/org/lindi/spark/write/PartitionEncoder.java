package org.lindi.spark.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.EncodeContext;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.write.ChunkEncoder;
import org.lindi.write.WriteOptions;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.FillValue;

/**
 * One task's share of a write: rows sorted by {@code index}, whole rows of chunks (Spark clustered
 * them by {@code index / chunks[0]}), assembled one chunk row at a time, encoded chunk by chunk and
 * appended to the task's own staging file. A chunk row of an existing array that the rows cover
 * only in part is staged as raw rows instead, for the driver to merge with the file's data.
 */
final class PartitionEncoder {
  private final WritePlan plan;
  private final FileSystem fs;
  private final Path file;
  private final ArrayMetadata meta;
  private final RowLayout layout;
  private final ChunkEncoder encoder;
  private final EncodeContext ctx = new EncodeContext();
  private final FillValue fill;
  private final int c0;
  private final int rowBytes;
  private final byte[] block;
  private final ByteBuffer blockBuffer;
  private final boolean[] covered;
  private final List<StagedChunk> staged = new ArrayList<>();
  private FSDataOutputStream out;
  private int coveredRows;

  PartitionEncoder(WritePlan plan, FileSystem fs, Path file) {
    this.plan = plan;
    this.fs = fs;
    this.file = file;
    this.meta = plan.metadata();
    this.layout = plan.layout();
    this.encoder = new ChunkEncoder(meta, WriteOptions.defaults().codecs());
    this.fill = meta.fillValue();
    this.c0 = meta.chunks()[0];
    this.rowBytes = (int) layout.rowBytes();
    this.block = new byte[Math.multiplyExact(c0, rowBytes)];
    this.blockBuffer = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
    this.covered = new boolean[c0];
  }

  /** Encodes and stages every row; returns what was staged. Deletes its file when it fails. */
  List<StagedChunk> encode(Iterator<InternalRow> rows) throws IOException {
    try {
      long current = -1;
      long last = -1;
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        long index = row.getLong(RowLayout.INDEX);
        if (index <= last) {
          throw new LindiException(index == last
              ? "index " + index + " appears twice: each position along axis 0 is written once"
              : "rows reached a task unsorted (" + index + " after " + last + ")",
              ErrorContext.ofFile(plan.target()).withArray(plan.dataset()));
        }
        long r = index / c0;
        if (r != current) {
          if (current >= 0) {
            flush(current);
          }
          start();
          current = r;
        }
        int local = (int) (index - r * c0);
        layout.put(row, blockBuffer, local * rowBytes);
        covered[local] = true;
        coveredRows++;
        last = index;
      }
      if (current >= 0) {
        flush(current);
      }
      if (out != null) {
        out.close();
        out = null;
      }
      return staged;
    } catch (Throwable e) { // Spark's iterators may throw checked exceptions undeclared
      discard();
      throw e;
    }
  }

  private void start() {
    fill.fill(block, 0, block.length / layout.itemSize());
    java.util.Arrays.fill(covered, false);
    coveredRows = 0;
  }

  private void flush(long r) throws IOException {
    long first = r * c0;
    int valid = (int) Math.min(c0, meta.shape()[0] - first);
    if (coveredRows < valid && first < plan.mergeBelow()) {
      stageRuns(first, valid);
    } else {
      stageChunks(r);
    }
  }

  /** Raw rows, one run of consecutive covered rows at a time. */
  private void stageRuns(long first, int valid) throws IOException {
    int i = 0;
    while (i < valid) {
      if (!covered[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j < valid && covered[j]) {
        j++;
      }
      long at = write(block, i * rowBytes, (j - i) * rowBytes);
      staged.add(StagedChunk.rawRows(first + i, j - i, file.toString(), at, (j - i) * rowBytes));
      i = j;
    }
  }

  /** Every chunk of chunk row {@code r}, encoded; positions not written hold the fill value. */
  private void stageChunks(long r) throws IOException {
    int rank = meta.rank();
    long[] shape = meta.shape();
    int[] chunks = meta.chunks();
    long[] grid = new long[rank];
    boolean whole = true;
    for (int k = 1; k < rank; k++) {
      grid[k] = (shape[k] + chunks[k] - 1) / chunks[k];
      if (grid[k] == 0) {
        return;
      }
      whole &= grid[k] == 1 && chunks[k] == shape[k];
    }
    long[] coords = new long[rank];
    coords[0] = r;
    if (whole) {
      stageEncoded(coords, block);
      return;
    }
    byte[] chunk = new byte[encoder.chunkBytes()];
    while (true) {
      fill.fill(chunk, 0, chunk.length / layout.itemSize());
      copyInto(chunk, coords);
      stageEncoded(coords, chunk);
      int a = rank - 1;
      while (a >= 1 && ++coords[a] >= grid[a]) {
        coords[a] = 0;
        a--;
      }
      if (a < 1) {
        return;
      }
    }
  }

  /** Copies the part of the block that chunk {@code coords} covers into {@code chunk}. */
  private void copyInto(byte[] chunk, long[] coords) {
    int rank = meta.rank();
    long[] shape = meta.shape();
    int[] chunks = meta.chunks();
    int item = layout.itemSize();
    long[] srcStride = new long[rank];
    long[] dstStride = new long[rank];
    long s = item;
    long d = item;
    for (int k = rank - 1; k >= 0; k--) {
      srcStride[k] = s;
      dstStride[k] = d;
      s *= k == 0 ? c0 : shape[k];
      d *= chunks[k];
    }
    int[] extent = new int[rank];
    long srcBase = 0;
    for (int k = 0; k < rank; k++) {
      long from = k == 0 ? 0 : coords[k] * chunks[k];
      extent[k] = (int) (k == 0 ? c0 : Math.min(chunks[k], shape[k] - from));
      srcBase += from * srcStride[k];
    }
    int run = extent[rank - 1] * item;
    int[] idx = new int[rank - 1];
    while (true) {
      long src = srcBase;
      long dst = 0;
      for (int k = 0; k < rank - 1; k++) {
        src += idx[k] * srcStride[k];
        dst += idx[k] * dstStride[k];
      }
      System.arraycopy(block, (int) src, chunk, (int) dst, run);
      int a = rank - 2;
      while (a >= 0 && ++idx[a] >= extent[a]) {
        idx[a] = 0;
        a--;
      }
      if (a < 0) {
        return;
      }
    }
  }

  private void stageEncoded(long[] coords, byte[] chunk) throws IOException {
    byte[] encoded = encoder.encode(ByteSlice.of(chunk), ctx);
    long at = write(encoded, 0, encoded.length);
    staged.add(StagedChunk.encoded(coords, file.toString(), at, encoded.length));
  }

  private long write(byte[] b, int off, int len) throws IOException {
    if (out == null) {
      // Not creating the folder: once the driver has deleted it (the job failed), a late task
      // must fail instead of leaving a staging file behind.
      out = fs.createNonRecursive(file, true, fs.getConf().getInt("io.file.buffer.size", 65536),
          fs.getDefaultReplication(file), fs.getDefaultBlockSize(file), null);
    }
    long at = out.getPos();
    out.write(b, off, len);
    return at;
  }

  private void discard() {
    try {
      if (out != null) {
        out.close();
      }
      fs.delete(file, false);
    } catch (IOException | RuntimeException suppressed) {
      // the driver deletes the whole staging folder; the first failure is the one to report
    }
  }
}
