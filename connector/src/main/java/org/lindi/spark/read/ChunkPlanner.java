package org.lindi.spark.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.chunk.ChunkLocator;
import org.lindi.container.FileRange;
import org.lindi.error.LindiException;
import org.lindi.error.ErrorContext;
import org.lindi.io.UrlResolver;
import org.lindi.nwb.TimeAxis;
import org.lindi.nwb.TimeAxisSpec;
import org.lindi.rfs.ChunkRef;
import org.lindi.spark.Layout;
import org.lindi.spark.ReadOptions;
import org.lindi.spark.SourceFiles;
import org.lindi.zarr.ChunkGrid;

/**
 * Plans an array read on the driver: for every file, the rows of chunks the selection touches
 * (stopping once a pushed limit is covered), each chunk's ref resolved to a byte range or inline
 * bytes; then consecutive rows of chunks of a file are grouped into partitions of at most
 * {@code maxPartitionBytes} decoded bytes, so every chunk belongs to exactly one partition.
 */
public final class ChunkPlanner {
  /** How to size partitions when the option is not set: Spark's own file split rule. */
  public static final class SplitPolicy {
    private final long maxBytes;
    private final long openCost;
    private final int minPartitions;

    public SplitPolicy(long maxBytes, long openCost, int minPartitions) {
      this.maxBytes = maxBytes;
      this.openCost = openCost;
      this.minPartitions = Math.max(1, minPartitions);
    }

    /** Like {@code FilePartition.maxSplitBytes}: at most maxBytes, less so that every core gets work. */
    long splitBytes(long totalBytes, int files) {
      long total = totalBytes + (long) files * openCost;
      return Math.min(maxBytes, Math.max(openCost, total / minPartitions));
    }
  }

  private final SourceFiles files;
  private final ReadOptions options;
  private final IndexRanges selection;
  private final long limit;
  private final TimeWindows timeWindows;
  private final boolean timeColumn;

  /**
   * @param selection the row indices to read ({@link IndexRanges#ALL} in the chunks layout)
   * @param limit most rows to read, or -1
   */
  public ChunkPlanner(SourceFiles files, ReadOptions options, IndexRanges selection, long limit) {
    this(files, options, selection, limit, TimeWindows.ALL, false);
  }

  /**
   * A planner for option {@code time=true}: {@code timeWindows} (pushed predicates on {@code time})
   * become row indices through each file's own time axis, and {@code timeColumn} says whether the
   * partitions must produce the {@code time} column (no time work otherwise).
   */
  public ChunkPlanner(SourceFiles files, ReadOptions options, IndexRanges selection, long limit,
      TimeWindows timeWindows, boolean timeColumn) {
    this.files = files;
    this.options = options;
    this.selection = selection;
    this.limit = limit;
    this.timeWindows = timeWindows;
    this.timeColumn = timeColumn;
  }

  /** The time axis of the dataset in one file; a {@link LindiException} naming the file when there is none. */
  public static TimeAxis timeAxis(SourceFiles files, Path path, String dataset) {
    LindiFile f = files.open(path);
    try {
      return TimeAxis.of(f, dataset);
    } catch (LindiException e) {
      throw e.addContext(ErrorContext.ofFile(path.toString()).withArray(dataset));
    }
  }

  /** The facts of the dataset in one file (checked like {@link #plan}, without resolving chunks). */
  public static ArraySpec spec(SourceFiles files, Path path, String dataset) {
    LindiFile f = files.open(path);
    LindiArray a = f.array(dataset);
    a.chunkLocator(); // an _EXTERNAL_ARRAY_LINK array reads its HDF5 chunk index here, once
    return ArraySpec.of(path.toString(), a);
  }

  public ArrayPlan plan(SplitPolicy policy) {
    List<FileRows> perFile = new ArrayList<>();
    ArraySpec first = null;
    String firstFile = null;
    long remaining = limit < 0 ? Long.MAX_VALUE : limit;
    long rowsTotal = 0;
    long bytesTotal = 0;
    for (Path path : files.paths()) {
      ArraySpec spec = spec(files, path, options.dataset());
      if (first == null) {
        first = spec;
        firstFile = path.toString();
      } else {
        String why = first.mismatch(spec);
        if (why != null) {
          throw new IllegalArgumentException("dataset /" + options.dataset() + " differs between "
              + firstFile + " and " + path + ": " + why);
        }
      }
      if (remaining <= 0) {
        continue; // the limit is covered: later files are not read
      }
      IndexRanges fileSelection = selection;
      TimeAxis axis = null;
      if (options.time()) {
        axis = timeAxis(files, path, options.dataset());
        if (!timeWindows.isAll()) {
          fileSelection = selection.intersect(timeWindows.indexRanges(axis));
        }
      }
      FileRows fr = rowsOf(path, spec, remaining, fileSelection);
      fr.axis = timeColumn ? axis : null;
      perFile.add(fr);
      remaining -= fr.selectedRows;
      rowsTotal += fr.selectedRows;
      bytesTotal += fr.decodedBytes;
    }
    long split = options.maxPartitionBytes() != null ? options.maxPartitionBytes()
        : policy.splitBytes(bytesTotal, perFile.size());
    List<ArrayPartition> partitions = new ArrayList<>();
    for (FileRows fr : perFile) {
      group(fr, split, partitions);
    }
    return new ArrayPlan(partitions, rowsTotal, bytesTotal, files.paths().size());
  }

  /** The selected rows of chunks of one file. */
  private static final class FileRows {
    final ArraySpec spec;
    final IndexRanges selection;
    final Path path;
    final UrlResolver resolver;
    TimeAxis axis;
    final List<RowOfChunks> rows = new ArrayList<>();
    final List<Long> rowBytes = new ArrayList<>();
    long selectedRows;
    long decodedBytes;

    FileRows(ArraySpec spec, IndexRanges selection, Path path, UrlResolver resolver) {
      this.spec = spec;
      this.selection = selection;
      this.path = path;
      this.resolver = resolver;
    }
  }

  private FileRows rowsOf(Path path, ArraySpec spec, long remaining, IndexRanges selection) {
    LindiFile f = files.open(path);
    LindiArray array = f.array(options.dataset());
    ChunkLocator locator = array.chunkLocator();
    UrlResolver resolver = UrlResolver.fromOptions(f.container(), files.conf(),
        options.urlRewrite(), options.allowedLocations());
    Map<Path, String> locations = new HashMap<>();
    ChunkGrid grid = spec.grid();
    int rank = grid.rank();
    long n = spec.rowCount();
    long chunkRows = rank == 0 ? 1 : grid.chunkSize(0);
    long gridRows = rank == 0 ? 1 : grid.gridShape(0);
    long bytesPerRow = spec.rowElements() * spec.element().itemSize();
    IndexRanges sel = options.layout() == Layout.ROWS ? selection.intersect(IndexRanges.of(0, n)) : IndexRanges.of(0, n);
    FileRows out = new FileRows(spec, selection, path, resolver);
    long left = remaining;
    for (int r = 0; r < sel.size() && left > 0; r++) {
      long firstChunk = sel.lo(r) / chunkRows;
      long lastChunk = Math.min(gridRows - 1, (sel.hi(r) - 1) / chunkRows);
      for (long i = firstChunk; i <= lastChunk && left > 0; i++) {
        long from = i * chunkRows;
        long to = Math.min(n, from + chunkRows);
        if (!out.rows.isEmpty() && out.rows.get(out.rows.size() - 1).chunkRow() == i) {
          continue; // already planned for the previous interval
        }
        if (sel.count(from, to) == 0) {
          continue;
        }
        RowOfChunks row = new RowOfChunks(i, from, (int) (to - from),
            chunksOf(grid, i, locator, resolver, locations, spec));
        // output rows: positions along axis 0, or chunks in the chunks layout
        long selected = options.layout() == Layout.ROWS ? sel.count(from, to) : row.chunkCount();
        if (selected == 0) {
          continue;
        }
        out.rows.add(row);
        long bytes = (to - from) * bytesPerRow;
        out.rowBytes.add(bytes);
        out.selectedRows += Math.min(selected, left);
        out.decodedBytes += bytes;
        left -= selected;
      }
    }
    return out;
  }

  /** Every chunk of grid row {@code i}: all coordinates along the axes beyond 0, in C order. */
  private static ChunkTask[] chunksOf(ChunkGrid grid, long i, ChunkLocator locator, UrlResolver resolver,
      Map<Path, String> locations, ArraySpec spec) {
    int rank = grid.rank();
    if (rank == 0) {
      return new ChunkTask[] {task(new long[0], locator, resolver, locations, spec)};
    }
    long count = 1;
    for (int k = 1; k < rank; k++) {
      count *= grid.gridShape(k);
    }
    if (count > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("a row of chunks of /" + spec.array() + " has " + count + " chunks");
    }
    ChunkTask[] out = new ChunkTask[(int) count];
    long[] coords = new long[rank];
    coords[0] = i;
    for (int c = 0; c < out.length; c++) {
      out[c] = task(coords, locator, resolver, locations, spec);
      for (int k = rank - 1; k >= 1; k--) {
        if (++coords[k] < grid.gridShape(k)) {
          break;
        }
        coords[k] = 0;
      }
    }
    return out;
  }

  private static ChunkTask task(long[] coords, ChunkLocator locator, UrlResolver resolver,
      Map<Path, String> locations, ArraySpec spec) {
    String key = locator.key(coords);
    try {
      ChunkRef ref = locator.locate(coords);
      if (ref == null) {
        return ChunkTask.missing(coords, key);
      }
      if (ref.isInline()) {
        return ChunkTask.inline(coords, key, ref.inlineBytes());
      }
      FileRange range = resolver.resolve(ref);
      String location = locations.computeIfAbsent(range.path(), p -> p.toUri().toString());
      return ChunkTask.range(coords, key, location, range);
    } catch (LindiException e) {
      throw e.addContext(spec.context().withKey(key));
    }
  }

  /** Groups consecutive rows of chunks of one file into partitions of at most {@code split} bytes. */
  private void group(FileRows fr, long split, List<ArrayPartition> out) {
    List<RowOfChunks> current = new ArrayList<>();
    long bytes = 0;
    for (int k = 0; k < fr.rows.size(); k++) {
      long b = fr.rowBytes.get(k);
      if (!current.isEmpty() && (split == 0 || bytes + b > split)) {
        out.add(partition(out.size(), fr, current));
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(fr.rows.get(k));
      bytes += b;
    }
    if (!current.isEmpty()) {
      out.add(partition(out.size(), fr, current));
    }
  }

  private ArrayPartition partition(int index, FileRows fr, List<RowOfChunks> rows) {
    IndexRanges sel = options.layout() == Layout.ROWS
        ? fr.selection.intersect(IndexRanges.of(rows.get(0).firstRow(), rows.get(rows.size() - 1).endRow()))
        : IndexRanges.ALL;
    TimeSource time = fr.axis == null ? null : timeSource(fr, sel);
    return new ArrayPartition(index, fr.spec, options.layout(), rows, sel, limit, time);
  }

  /**
   * The time values of the selected rows {@code sel}: the rate needs nothing more; timestamps need
   * the chunks of the timestamps array from the first to the last selected row, resolved here.
   */
  private TimeSource timeSource(FileRows fr, IndexRanges sel) {
    TimeAxis axis = fr.axis;
    if (axis.form() == TimeAxisSpec.Form.RATE) {
      return TimeSource.ofRate(axis.spec());
    }
    LindiArray ts = axis.timestamps();
    ArraySpec tsSpec = ArraySpec.of(fr.path.toString(), ts);
    List<RowOfChunks> tsRows = new ArrayList<>();
    if (!sel.isEmpty()) {
      ChunkLocator locator = ts.chunkLocator();
      Map<Path, String> locations = new HashMap<>();
      ChunkGrid grid = tsSpec.grid();
      long n = tsSpec.rowCount();
      long len = grid.chunkSize(0);
      long last = Math.min(n, sel.hi(sel.size() - 1)) - 1;
      for (long c = sel.lo(0) / len; c <= last / len; c++) {
        long from = c * len;
        tsRows.add(new RowOfChunks(c, from, (int) (Math.min(n, from + len) - from),
            chunksOf(grid, c, locator, fr.resolver, locations, tsSpec)));
      }
    }
    return TimeSource.ofTimestamps(axis.spec(), tsSpec, tsRows);
  }
}
