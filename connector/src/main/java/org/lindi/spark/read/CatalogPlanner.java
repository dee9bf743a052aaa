package org.lindi.spark.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.lindi.LindiArray;
import org.lindi.LindiFile;
import org.lindi.LindiLink;
import org.lindi.LindiNode;
import org.lindi.StorageStats;
import org.lindi.error.LindiException;
import org.lindi.spark.SourceFiles;
import org.lindi.zarr.ArrayMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog of each file: every node with its kind, and for arrays dtype, shape, chunks, codecs,
 * and how many chunk refs and stored bytes they have. An array whose {@code .zarray} is broken is
 * listed with what is known (a catalog is how users find such arrays), and the problem is logged.
 */
public final class CatalogPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogPlanner.class);

  private CatalogPlanner() {}

  public static List<CatalogPartition> plan(SourceFiles files) {
    List<CatalogPartition> out = new ArrayList<>();
    for (Path path : files.paths()) {
      LindiFile f = files.open(path);
      List<CatalogEntry> entries = new ArrayList<>();
      for (LindiNode n : f.nodes()) {
        entries.add(entry(n));
      }
      out.add(new CatalogPartition(path.toString(), entries));
    }
    return out;
  }

  static CatalogEntry entry(LindiNode n) {
    String attrs = n.attributes().toString();
    if (n instanceof LindiLink) {
      return new CatalogEntry(n.path(), n.kind().catalogName(), null, null, null, null, null, attrs,
          ((LindiLink) n).target(), null, null);
    }
    if (!(n instanceof LindiArray)) {
      return new CatalogEntry(n.path(), n.kind().catalogName(), null, null, null, null, null, attrs, null,
          null, null);
    }
    LindiArray a = (LindiArray) n;
    ArrayMetadata m;
    try {
      m = a.metadata();
    } catch (LindiException e) {
      LOG.warn("catalog lists array /{} without its metadata: {}", a.path(), e.getMessage());
      return new CatalogEntry(n.path(), n.kind().catalogName(), null, null, null, null, null, attrs, null,
          null, null);
    }
    Long numChunks = null;
    Long stored = null;
    try {
      StorageStats s = a.storage(); // for an external array, from its HDF5 chunk index
      numChunks = s.numChunks();
      stored = s.storedBytes();
    } catch (LindiException e) {
      LOG.warn("catalog lists array /{} without its storage: {}", a.path(), e.getMessage());
    }
    long[] chunks = new long[m.rank()];
    for (int k = 0; k < chunks.length; k++) {
      chunks[k] = m.chunks()[k];
    }
    ArrayNode filters = JsonNodeFactory.instance.arrayNode();
    m.filters().forEach(filters::add);
    JsonNode compressor = m.compressor();
    return new CatalogEntry(n.path(), n.kind().catalogName(), m.dtype().str(), a.shape(), chunks,
        compressor == null ? null : compressor.toString(), m.filters().isEmpty() ? null : filters.toString(),
        attrs, null, numChunks, stored);
  }
}
