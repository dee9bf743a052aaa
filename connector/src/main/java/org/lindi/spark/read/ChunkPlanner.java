package org.lindi.spark.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.chunk.ChunkLocator;
import org.lindi.error.LindiException;
import org.lindi.error.ErrorContext;
import org.lindi.io.UrlResolver;
import org.lindi.nwb.TimeAxis;
import org.lindi.nwb.TimeAxisSpec;
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

  /**
   * The selected rows of chunks of one file: their grid coordinates along axis 0, ascending, kept
   * as runs of rows that follow each other (one run for a whole array: no array of a million rows).
   */
  private static final class FileRows {
    final ArraySpec spec;
    final IndexRanges selection;
    final Path path;
    final ChunkLocator locator;
    final UrlResolver resolver;
    TimeAxis axis;
    /** Run r holds rows {@code runFirst[r] + i} for the row indexes {@code [runStart[r], runStart[r + 1])}. */
    long[] runFirst = new long[4];
    int[] runStart = new int[5];
    int runs;
    int rowCount;
    long selectedRows;
    long decodedBytes;

    FileRows(ArraySpec spec, IndexRanges selection, Path path, ChunkLocator locator, UrlResolver resolver) {
      this.spec = spec;
      this.selection = selection;
      this.path = path;
      this.locator = locator;
      this.resolver = resolver;
    }

    void add(long chunkRow) {
      if (runs == 0 || chunkRow != runFirst[runs - 1] + (rowCount - runStart[runs - 1])) {
        if (runs == runFirst.length) {
          runFirst = Arrays.copyOf(runFirst, runs * 2);
          runStart = Arrays.copyOf(runStart, runs * 2 + 1);
        }
        runFirst[runs] = chunkRow;
        runStart[runs] = rowCount;
        runs++;
      }
      rowCount++;
      runStart[runs] = rowCount;
    }

    /** The run holding row index {@code k}. */
    private int runOf(int k) {
      int r = Arrays.binarySearch(runStart, 0, runs + 1, k);
      return r >= 0 ? r : -r - 2;
    }

    /** Row index {@code k}'s grid coordinate. */
    long row(int k) {
      int r = runOf(k);
      return runFirst[r] + (k - runStart[r]);
    }

    /** Rows of indexes {@code [from, to)}. */
    ChunkRows rows(int from, int to) {
      int r = runOf(from);
      if (to <= runStart[r + 1]) {
        return ChunkRows.range(runFirst[r] + (from - runStart[r]), to - from);
      }
      long[] rows = new long[to - from];
      for (int k = from; k < to; k++) {
        rows[k - from] = row(k);
      }
      return ChunkRows.of(rows);
    }
  }

  private FileRows rowsOf(Path path, ArraySpec spec, long remaining, IndexRanges selection) {
    LindiFile f = files.open(path);
    LindiArray array = f.array(options.dataset());
    UrlResolver resolver = UrlResolver.fromOptions(f.container(), files.conf(),
        options.urlRewrite(), options.allowedLocations());
    ChunkGrid grid = spec.grid();
    int rank = grid.rank();
    long n = spec.rowCount();
    long chunkRows = rank == 0 ? 1 : grid.chunkSize(0);
    long gridRows = rank == 0 ? 1 : grid.gridShape(0);
    int perRow = ArrayPartition.chunksPerRow(spec);
    IndexRanges sel = options.layout() == Layout.ROWS ? selection.intersect(IndexRanges.of(0, n)) : IndexRanges.of(0, n);
    FileRows out = new FileRows(spec, selection, path, array.chunkLocator(), resolver);
    long bytesPerRow = spec.rowElements() * spec.element().itemSize();
    long left = remaining;
    long last = -1;
    for (int r = 0; r < sel.size() && left > 0; r++) {
      long firstChunk = sel.lo(r) / chunkRows;
      long lastChunk = Math.min(gridRows - 1, (sel.hi(r) - 1) / chunkRows);
      for (long i = Math.max(firstChunk, last + 1); i <= lastChunk && left > 0; i++) {
        long from = i * chunkRows;
        long to = Math.min(n, from + chunkRows);
        // output rows: positions along axis 0, or chunks in the chunks layout
        long selected = options.layout() == Layout.ROWS ? sel.count(from, to) : perRow;
        if (selected == 0) {
          continue;
        }
        out.add(i);
        last = i;
        out.selectedRows += Math.min(selected, left);
        out.decodedBytes += (to - from) * bytesPerRow;
        left -= selected;
      }
    }
    return out;
  }

  /** Groups consecutive rows of chunks of one file into partitions of at most {@code split} bytes. */
  private void group(FileRows fr, long split, List<ArrayPartition> out) {
    ChunkGrid grid = fr.spec.grid();
    long chunkRows = grid.rank() == 0 ? 1 : grid.chunkSize(0);
    long n = fr.spec.rowCount();
    long bytesPerRow = fr.spec.rowElements() * fr.spec.element().itemSize();
    int from = 0;
    long bytes = 0;
    for (int k = 0; k < fr.rowCount; k++) {
      long first = fr.row(k) * chunkRows;
      long b = (Math.min(n, first + chunkRows) - first) * bytesPerRow;
      if (k > from && (split == 0 || bytes + b > split)) {
        out.add(partition(out.size(), fr, from, k));
        from = k;
        bytes = 0;
      }
      bytes += b;
    }
    if (fr.rowCount > from) {
      out.add(partition(out.size(), fr, from, fr.rowCount));
    }
  }

  /** The partition of rows of chunks {@code fr.rows[from, to)}, their chunks resolved here. */
  private ArrayPartition partition(int index, FileRows fr, int from, int to) {
    ChunkRows rows = fr.rows(from, to);
    ResolvedChunks chunks = resolve(fr.spec, fr.locator, fr.resolver, rows);
    ArrayPartition p = new ArrayPartition(index, fr.spec, options.layout(), rows, chunks, IndexRanges.ALL, limit,
        null);
    IndexRanges sel = options.layout() == Layout.ROWS
        ? fr.selection.intersect(IndexRanges.of(p.firstRow(), p.endRow()))
        : IndexRanges.ALL;
    TimeSource time = fr.axis == null ? null : timeSource(fr, sel);
    return new ArrayPartition(index, fr.spec, options.layout(), rows, chunks, sel, limit, time);
  }

  /** Every chunk of the rows of chunks {@code rows} (ascending), runs of consecutive rows at a time. */
  private static ResolvedChunks resolve(ArraySpec spec, ChunkLocator locator, UrlResolver resolver, ChunkRows rows) {
    int perRow = ArrayPartition.chunksPerRow(spec);
    ResolvedChunks.Builder b = new ResolvedChunks.Builder(spec, resolver, Math.toIntExact((long) rows.count() * perRow));
    rows.forEachRun((from, to) -> b.add(locator, from * perRow, to * perRow));
    return b.build();
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
    long[] tsRows = new long[0];
    if (!sel.isEmpty()) {
      long n = tsSpec.rowCount();
      long len = tsSpec.grid().chunkSize(0);
      long last = Math.min(n, sel.hi(sel.size() - 1)) - 1;
      long firstRow = sel.lo(0) / len;
      tsRows = new long[(int) Math.max(0, last / len - firstRow + 1)];
      for (int c = 0; c < tsRows.length; c++) {
        tsRows[c] = firstRow + c;
      }
    }
    ChunkRows rows = ChunkRows.of(tsRows);
    ResolvedChunks chunks = resolve(tsSpec, ts.chunkLocator(), fr.resolver, rows);
    return TimeSource.ofTimestamps(axis.spec(),
        new ArrayPartition(0, tsSpec, Layout.ROWS, rows, chunks, IndexRanges.ALL, -1, null));
  }
}
