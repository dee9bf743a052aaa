package org.lindi.spark.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.write.LindiWriteConflictException;
import org.lindi.write.LindiWriter;
import org.lindi.zarr.ArrayMetadata;

/**
 * The driver's half of a write (SPEC 7): under the file's writer lock, applies the save mode
 * (creates, replaces or extends the array), copies the staged chunks in, merges raw rows into the
 * chunks they share with existing data, and commits once: the lindi1 header switch (or the tar
 * index rewrite, or the rename on HDFS) is the moment the new data appears. Any failure aborts the
 * writer, which leaves the file as it was.
 */
final class LindiCommitter {
  private final Path target;
  private final Configuration conf;
  private final WritePlan plan;
  private final JsonNode attributes;

  LindiCommitter(Path target, Configuration conf, WritePlan plan, JsonNode attributes) {
    this.target = target;
    this.conf = conf;
    this.plan = plan;
    this.attributes = attributes;
  }

  /**
   * Commits {@code staged} with {@code mode}; {@code before} is the array the plan extends (Append
   * to an existing array) or null. Returns false when Ignore found the dataset and wrote nothing.
   */
  boolean commit(SaveMode mode, ArrayMetadata before, List<StagedChunk> staged) throws IOException {
    String ds = plan.dataset();
    ArrayMetadata meta = plan.metadata();
    LindiWriter w = LindiWriter.open(target, conf);
    try {
      boolean exists = w.exists(ds);
      switch (mode) {
        case ErrorIfExists:
          if (exists) {
            throw new DatasetExistsException("/" + ds + " already exists (SaveMode.ErrorIfExists);"
                + " use mode append or overwrite", context());
          }
          w.createArray(ds, meta, attributes);
          break;
        case Ignore:
          if (exists) {
            w.abort();
            return false;
          }
          w.createArray(ds, meta, attributes);
          break;
        case Overwrite:
          if (exists) {
            requireArray(w, ds);
            w.delete(ds);
          }
          w.createArray(ds, meta, attributes);
          break;
        case Append:
          if (before == null) {
            if (exists) {
              throw changed("/" + ds + " was created by another writer during this write");
            }
            w.createArray(ds, meta, attributes);
          } else {
            requireArray(w, ds);
            if (!w.arrayMetadata(ds).equals(before)) {
              throw changed("/" + ds + " was changed by another writer during this write");
            }
            if (meta.shape()[0] != before.shape()[0]) {
              w.resize(ds, meta.shape());
            }
            if (attributes != null) {
              w.setAttributes(ds, attributes);
            }
          }
          break;
        default:
          throw new IllegalArgumentException("save mode " + mode);
      }
      copy(w, staged);
      w.close();
      return true;
    } catch (IOException | RuntimeException e) {
      try {
        w.abort();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void requireArray(LindiWriter w, String ds) {
    if (!w.isArray(ds)) {
      throw new LindiException("/" + ds + " is a group, not an array: a write replaces or extends"
          + " an array only", context());
    }
  }

  private LindiWriteConflictException changed(String why) {
    return new LindiWriteConflictException(why + "; nothing was written", context());
  }

  /** Copies staged bytes in, one staging file at a time, in file order. */
  private void copy(LindiWriter w, List<StagedChunk> staged) throws IOException {
    Map<String, List<StagedChunk>> byFile = new LinkedHashMap<>();
    for (StagedChunk s : staged) {
      byFile.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(s);
    }
    String ds = plan.dataset();
    int rank = plan.metadata().rank();
    long[] inner = plan.layout().inner();
    for (Map.Entry<String, List<StagedChunk>> e : byFile.entrySet()) {
      Path file = new Path(e.getKey());
      FileSystem fs = file.getFileSystem(conf);
      List<StagedChunk> chunks = e.getValue();
      chunks.sort(Comparator.comparingLong(StagedChunk::offset));
      try (FSDataInputStream in = fs.open(file)) {
        for (StagedChunk s : chunks) {
          byte[] bytes = new byte[s.length()];
          in.readFully(s.offset(), bytes);
          if (s.kind() == StagedChunk.Kind.ENCODED) {
            w.writeChunk(ds, s.coords(), bytes);
          } else {
            long[] start = new long[rank];
            long[] count = new long[rank];
            start[0] = s.firstRow();
            count[0] = s.rowCount();
            System.arraycopy(inner, 0, count, 1, rank - 1);
            w.write(ds, start, count, bytes);
          }
        }
      }
    }
  }

  private ErrorContext context() {
    return ErrorContext.ofFile(target.toString()).withArray(plan.dataset());
  }
}
