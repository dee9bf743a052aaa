package org.lindi.chunk;

import java.util.Arrays;
import org.lindi.codec.ByteSlice;

/**
 * One decoded chunk in the reader's layout: the full chunk shape (not trimmed at the array's edge),
 * C order, little-endian bytes, or objects for {@code |O} arrays. The bytes may live in a reusable
 * buffer of the {@link org.lindi.codec.DecodeContext} that decoded them: they are valid until the
 * next decode with that context.
 */
public final class DecodedChunk {
  private final long[] coords;
  private final int[] shape;
  private final ByteSlice bytes;
  private final Object[] objects;
  private final boolean missing;

  DecodedChunk(long[] coords, int[] shape, ByteSlice bytes, Object[] objects, boolean missing) {
    this.coords = coords.clone();
    this.shape = shape.clone();
    this.bytes = bytes;
    this.objects = objects;
    this.missing = missing;
  }

  /** Grid coordinates of the chunk. */
  public long[] coords() {
    return coords.clone();
  }

  /** The full chunk shape ({@code chunks} of {@code .zarray}). */
  public int[] shape() {
    return shape.clone();
  }

  /** The decoded bytes, or null for an object array. */
  public ByteSlice bytes() {
    return bytes;
  }

  /** The decoded elements of an object array, or null. */
  public Object[] objects() {
    return objects;
  }

  /** True when the chunk had no ref and was filled with the fill value. */
  public boolean isMissing() {
    return missing;
  }

  @Override
  public String toString() {
    return "DecodedChunk" + Arrays.toString(coords) + (missing ? " (fill)" : "");
  }
}
