package org.lindi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lindi.chunk.ChunkDecoder;
import org.lindi.chunk.ChunkLocator;
import org.lindi.chunk.DecodedChunk;
import org.lindi.chunk.Hdf5ChunkLocator;
import org.lindi.chunk.Hyperslab;
import org.lindi.chunk.RfsChunkLocator;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;
import org.lindi.hdf5.ByteSource;
import org.lindi.hdf5.Hdf5Dataset;
import org.lindi.hdf5.Hdf5File;
import org.lindi.rfs.ChunkRef;
import org.lindi.tree.CompoundType;
import org.lindi.tree.ExternalArrayLink;
import org.lindi.tree.NodeInfo;
import org.lindi.tree.ObjectElements;
import org.lindi.tree.ReservedAttributes;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.ChunkGrid;
import org.lindi.zarr.DType;

/**
 * An array of a LINDI file: its metadata, its LINDI conventions (scalar, compound, external link)
 * and reads of chunks and hyperslabs into C-order little-endian {@link ArrayData}.
 */
public final class LindiArray extends LindiNode {
  /** Encoded bytes fetched together per batch of a hyperslab read (bounds memory). */
  private static final long FETCH_BATCH_BYTES = 64L << 20;

  private final boolean scalar;
  private final CompoundType compound;
  private final ExternalArrayLink external;
  private volatile ArrayMetadata meta;
  private volatile ChunkDecoder decoder;
  private volatile Hdf5Dataset hdf5;
  private volatile ChunkLocator locator;

  LindiArray(LindiFile file, NodeInfo info) {
    super(file, info);
    try {
      JsonNode attrs = info.rawAttributes();
      this.scalar = attrs.path(ReservedAttributes.SCALAR).asBoolean(false);
      this.compound = attrs.has(ReservedAttributes.COMPOUND_DTYPE)
          ? CompoundType.parse(attrs.get(ReservedAttributes.COMPOUND_DTYPE)) : null;
      this.external = attrs.has(ReservedAttributes.EXTERNAL_ARRAY_LINK)
          ? ExternalArrayLink.parse(attrs.get(ReservedAttributes.EXTERNAL_ARRAY_LINK)) : null;
    } catch (LindiException e) {
      throw e.addContext(context().withKey(path().isEmpty() ? ".zattrs" : path() + "/.zattrs"));
    }
  }

  private String zarrayKey() {
    return path().isEmpty() ? ".zarray" : path() + "/.zarray";
  }

  ErrorContext context() {
    return ErrorContext.ofFile(file.location()).withArray(path());
  }

  /** The parsed {@code .zarray} (parsed on first use, so one broken array does not hide the others). */
  public ArrayMetadata metadata() {
    ArrayMetadata m = meta;
    if (m == null) {
      String key = zarrayKey();
      try {
        JsonNode zarray = file.rfs().json(key);
        if (zarray == null) {
          throw new LindiFormatException("missing .zarray");
        }
        m = ArrayMetadata.parse(zarray);
      } catch (LindiException e) {
        throw e.addContext(context().withKey(key));
      }
      meta = m;
    }
    return m;
  }

  /** The storage dtype (for compound and string datasets, the dtype of the stored elements). */
  public DType dtype() {
    return metadata().dtype();
  }

  /** True for a scalar dataset ({@code _SCALAR}): stored as shape [1], read as shape []. */
  public boolean isScalar() {
    return scalar;
  }

  /** The logical shape: {@code []} for a scalar, otherwise the {@code .zarray} shape. */
  public long[] shape() {
    return scalar ? new long[0] : metadata().shape();
  }

  /** The compound type of a compound dataset, or null. */
  public CompoundType compoundType() {
    return compound;
  }

  /** True when the chunks live in an HDF5 file through {@code _EXTERNAL_ARRAY_LINK}. */
  public boolean isExternal() {
    return external != null;
  }

  /** The external link, or null. */
  public ExternalArrayLink externalLink() {
    return external;
  }

  public ChunkGrid grid() {
    return metadata().grid();
  }

  /**
   * Where this array's chunk refs are: the RFS, or for an external array the HDF5 dataset's chunk
   * index (read on first use, a few range reads of metadata, then kept).
   */
  public ChunkLocator chunkLocator() {
    ChunkLocator l = locator;
    if (l == null) {
      l = external == null ? new RfsChunkLocator(file.rfs(), path(), metadata().grid())
          : externalLocator();
      locator = l;
    }
    return l;
  }

  private ChunkLocator externalLocator() {
    try {
      return Hdf5ChunkLocator.of(external.url(), path(), metadata(), hdf5Dataset());
    } catch (LindiException e) {
      throw e.addContext(context().withRange(external.url(), 0, -1));
    }
  }

  /** The HDF5 dataset an external array links to (its metadata read on first use). */
  public Hdf5Dataset hdf5Dataset() {
    if (external == null) {
      throw new IllegalStateException("/" + path() + " is not an _EXTERNAL_ARRAY_LINK array");
    }
    Hdf5Dataset d = hdf5;
    if (d == null) {
      if (!"hdf5_dataset".equals(external.linkType())) {
        throw new UnsupportedFeatureException("_EXTERNAL_ARRAY_LINK of link_type '"
            + external.linkType() + "'", context());
      }
      try {
        ByteSource source = file.chunkSource().byteSource(external.url());
        d = Hdf5File.open(source, external.url()).dataset(external.name());
      } catch (LindiException e) {
        throw e.addContext(context().withRange(external.url(), 0, -1));
      }
      hdf5 = d;
    }
    return d;
  }

  /**
   * The metadata chunks are decoded with: the {@code .zarray}, except that an external array takes
   * its filters from the HDF5 dataset (the chunk bytes are HDF5's).
   */
  public ArrayMetadata codecMetadata() {
    if (external == null) {
      return metadata();
    }
    try {
      int mask = ((Hdf5ChunkLocator) chunkLocator()).filterMask();
      return metadata().withCodecs(null, hdf5Dataset().filterCodecs(mask));
    } catch (LindiException e) {
      throw e.addContext(context().withRange(external.url(), 0, -1));
    }
  }

  /** The decoder of this array's chunks (codecs created on first use). */
  public ChunkDecoder decoder() {
    ChunkDecoder d = decoder;
    if (d == null) {
      try {
        d = new ChunkDecoder(codecMetadata(), file.options().codecs());
      } catch (LindiException e) {
        throw e.addContext(context().withKey(zarrayKey()));
      }
      decoder = d;
    }
    return d;
  }

  /**
   * How much of the array is stored: the number of chunk refs and the sum of their byte lengths
   * (inline refs count their bytes). Walks this array's refs only; for an external array, its
   * HDF5 chunk index.
   */
  public StorageStats storage() {
    if (external != null) {
      Hdf5ChunkLocator l = (Hdf5ChunkLocator) chunkLocator();
      return new StorageStats(l.allocatedChunks(), l.storedBytes());
    }
    long[] acc = new long[2];
    file.rfs().forEachUnder(path(), (suffix, ref) -> {
      acc[0]++;
      acc[1] += ref.isInline() ? ref.inlineBytes().length : Math.max(0, ref.length());
    });
    return new StorageStats(acc[0], acc[1]);
  }

  /** Reads the whole array. */
  public ArrayData read() {
    return read(new long[metadata().rank()], metadata().shape());
  }

  /** Reads chunk {@code coords}, trimmed at the array's edge. */
  public ArrayData readChunk(long... coords) {
    ChunkGrid grid = metadata().grid();
    if (coords.length != metadata().rank()) {
      throw new IllegalArgumentException("chunk coordinates " + Arrays.toString(coords)
          + " for an array of rank " + metadata().rank());
    }
    long[] start = new long[coords.length];
    long[] count = new long[coords.length];
    for (int k = 0; k < coords.length; k++) {
      if (coords[k] < 0 || coords[k] >= grid.gridShape(k)) {
        throw new IllegalArgumentException("chunk " + Arrays.toString(coords) + " outside grid "
            + Arrays.toString(grid.gridShape()));
      }
      start[k] = grid.chunkStart(k, coords[k]);
      count[k] = grid.chunkExtent(k, coords[k]);
    }
    return read(start, count);
  }

  /**
   * Reads the box {@code [start, start + count)} (in storage coordinates: a scalar has rank 1)
   * into C-order little-endian data.
   */
  public ArrayData read(long[] start, long[] count) {
    long[] shape = metadata().shape();
    if (start.length != shape.length || count.length != shape.length) {
      throw new IllegalArgumentException("start/count of rank " + start.length + "/" + count.length
          + " for an array of rank " + shape.length);
    }
    long elements = 1;
    for (int k = 0; k < shape.length; k++) {
      if (start[k] < 0 || count[k] < 0 || start[k] + count[k] > shape[k]) {
        throw new IllegalArgumentException("box " + Arrays.toString(start) + " + "
            + Arrays.toString(count) + " outside shape " + Arrays.toString(shape));
      }
      elements *= count[k];
    }
    DType dtype = metadata().dtype();
    boolean objects = dtype.kind() == DType.Kind.OBJECT;
    int itemSize = objects ? 0 : dtype.itemSize();
    if (elements * itemSize > Integer.MAX_VALUE - 16 || elements > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("box of " + elements + " elements is too large for one read");
    }
    byte[] outBytes = objects ? null : new byte[(int) (elements * itemSize)];
    Object[] outObjects = objects ? new Object[(int) elements] : null;
    long[] resultShape = scalar ? new long[0] : count.clone();
    if (elements == 0) {
      return new ArrayData(dtype.littleEndian(), resultShape, outBytes, outObjects);
    }
    ChunkLocator locator = chunkLocator();
    ChunkDecoder dec = decoder();
    ChunkGrid grid = metadata().grid();
    Hyperslab slab = new Hyperslab(start, count);
    DecodeContext ctx = new DecodeContext();
    List<long[]> batch = new ArrayList<>();
    List<ChunkRef> refs = new ArrayList<>();
    long batchBytes = 0;
    for (long[] coords : chunksOf(grid, start, count)) {
      ChunkRef ref = locator.locate(coords);
      if (ref == null) {
        copy(dec.fill(coords, ctx), grid, slab, itemSize, outBytes, outObjects);
        continue;
      }
      batch.add(coords);
      refs.add(ref);
      batchBytes += ref.isInline() ? 0 : Math.max(0, ref.length());
      if (batchBytes >= FETCH_BATCH_BYTES) {
        decodeBatch(batch, refs, locator, dec, ctx, grid, slab, itemSize, outBytes, outObjects);
        batch.clear();
        refs.clear();
        batchBytes = 0;
      }
    }
    decodeBatch(batch, refs, locator, dec, ctx, grid, slab, itemSize, outBytes, outObjects);
    if (objects) {
      ObjectElements.interpret(outObjects, compound);
    }
    return new ArrayData(dtype.littleEndian(), resultShape, outBytes, outObjects);
  }

  private void decodeBatch(List<long[]> batch, List<ChunkRef> refs, ChunkLocator locator,
      ChunkDecoder dec, DecodeContext ctx, ChunkGrid grid, Hyperslab slab, int itemSize,
      byte[] outBytes, Object[] outObjects) {
    if (batch.isEmpty()) {
      return;
    }
    List<ByteSlice> stored;
    try {
      stored = file.chunkSource().fetchAll(refs);
    } catch (LindiException e) {
      throw e.addContext(context());
    }
    for (int i = 0; i < batch.size(); i++) {
      long[] coords = batch.get(i);
      DecodedChunk chunk;
      try {
        chunk = dec.decode(coords, stored.get(i), ctx);
      } catch (LindiException e) {
        ChunkRef r = refs.get(i);
        ErrorContext where = context().withKey(locator.key(coords));
        throw e.addContext(r.isInline() ? where : where.withRange(r.url(), r.offset(), r.length()));
      }
      copy(chunk, grid, slab, itemSize, outBytes, outObjects);
    }
  }

  private static void copy(DecodedChunk chunk, ChunkGrid grid, Hyperslab slab, int itemSize,
      byte[] outBytes, Object[] outObjects) {
    long[] coords = chunk.coords();
    long[] origin = new long[coords.length];
    for (int k = 0; k < coords.length; k++) {
      origin[k] = grid.chunkStart(k, coords[k]);
    }
    if (outObjects != null) {
      slab.copy(chunk, origin, outObjects);
    } else {
      slab.copy(chunk, origin, itemSize, outBytes);
    }
  }

  /** Grid coordinates of every chunk that intersects the box, in C order. */
  static List<long[]> chunksOf(ChunkGrid grid, long[] start, long[] count) {
    int rank = start.length;
    long[] lo = new long[rank];
    long[] hi = new long[rank];
    for (int k = 0; k < rank; k++) {
      lo[k] = start[k] / grid.chunkSize(k);
      hi[k] = (start[k] + count[k] - 1) / grid.chunkSize(k);
    }
    List<long[]> out = new ArrayList<>();
    long[] idx = lo.clone();
    while (true) {
      out.add(idx.clone());
      int k = rank - 1;
      while (k >= 0) {
        if (++idx[k] <= hi[k]) {
          break;
        }
        idx[k] = lo[k];
        k--;
      }
      if (k < 0) {
        return out;
      }
    }
  }
}
