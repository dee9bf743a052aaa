package org.lindi.spark.read;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiArray;
import org.lindi.spark.ReadOptions;
import org.lindi.spark.SourceFiles;

/**
 * Answers a pushed {@link CountAggregate} on the driver: a file's rows are the length of its axis 0,
 * and the pushed index and time predicates are exact index ranges, so the count is their size within
 * it. Only metadata is read (and, for time windows over timestamps, the few chunks of the binary
 * search); no chunk ref is resolved.
 */
public final class CountPlanner {
  private CountPlanner() {}

  /**
   * The selected rows of every file, checked like {@link ChunkPlanner#plan} (same dtype and shape
   * beyond axis 0; a TimeSeries in each file with option {@code time}).
   */
  public static CountPartition plan(SourceFiles files, ReadOptions options, IndexRanges selection,
      TimeWindows time, CountAggregate aggregate) {
    List<Path> paths = files.paths();
    String[] names = new String[paths.size()];
    long[] rows = new long[paths.size()];
    ArraySpec first = null;
    for (int i = 0; i < paths.size(); i++) {
      Path path = paths.get(i);
      LindiArray array = files.open(path).array(options.dataset());
      ArraySpec spec = ArraySpec.of(path.toString(), array);
      if (first == null) {
        first = spec;
      } else {
        String why = first.mismatch(spec);
        if (why != null) {
          throw new IllegalArgumentException("dataset /" + options.dataset() + " differs between "
              + first.file() + " and " + path + ": " + why);
        }
      }
      IndexRanges sel = selection;
      if (options.time()) {
        var axis = ChunkPlanner.timeAxis(files, path, options.dataset());
        if (!time.isAll()) {
          sel = sel.intersect(time.indexRanges(axis));
        }
      }
      names[i] = spec.file();
      rows[i] = sel.count(0, spec.rowCount());
    }
    return new CountPartition(aggregate, names, rows);
  }
}
