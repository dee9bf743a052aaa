package org.lindi.hdf5;

import java.util.Arrays;
import java.util.Objects;

/** One filter of a dataset's HDF5 filter pipeline: its id, name, flags and client data values. */
public final class Hdf5Filter {
  public static final int DEFLATE = 1;
  public static final int SHUFFLE = 2;
  public static final int FLETCHER32 = 3;
  public static final int SZIP = 4;
  public static final int NBIT = 5;
  public static final int SCALEOFFSET = 6;
  public static final int LZF = 32000;
  public static final int BLOSC = 32001;
  public static final int LZ4 = 32004;
  public static final int BITSHUFFLE = 32008;
  public static final int ZSTD = 32015;

  private final int id;
  private final String name;
  private final int flags;
  private final int[] clientData;

  public Hdf5Filter(int id, String name, int flags, int[] clientData) {
    this.id = id;
    this.name = name == null ? "" : name;
    this.flags = flags;
    this.clientData = clientData.clone();
  }

  /** The registered HDF5 filter id (1 deflate, 2 shuffle, 3 fletcher32, 32001 blosc, ...). */
  public int id() {
    return id;
  }

  /** The name stored with the filter; often empty for the library's own filters. */
  public String name() {
    return name;
  }

  public int flags() {
    return flags;
  }

  /** Flag bit 0: the filter may be skipped when it fails on a chunk (see the chunk's filter mask). */
  public boolean optional() {
    return (flags & 0x01) != 0;
  }

  /** The filter's client data values ({@code cd_values}), e.g. the deflate level. */
  public int[] clientData() {
    return clientData.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Hdf5Filter)) {
      return false;
    }
    Hdf5Filter f = (Hdf5Filter) o;
    return id == f.id && flags == f.flags && name.equals(f.name)
        && Arrays.equals(clientData, f.clientData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, flags) * 31 + Arrays.hashCode(clientData);
  }

  @Override
  public String toString() {
    return "Hdf5Filter[id=" + id + (name.isEmpty() ? "" : ", name=" + name) + ", flags=" + flags
        + ", clientData=" + Arrays.toString(clientData) + "]";
  }
}
