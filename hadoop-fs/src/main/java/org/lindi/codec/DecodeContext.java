package org.lindi.codec;

/**
 * Per-thread state for decoding chunks: the size limit of the current chunk and two reusable
 * scratch buffers, so that a pipeline of codecs can ping-pong between them without allocating.
 * Not thread safe; one per reader thread.
 */
public final class DecodeContext {
  private long maxDecodedBytes = Integer.MAX_VALUE - 16;
  private int elementCount = -1;
  private byte[] scratchA = new byte[0];
  private byte[] scratchB = new byte[0];
  private byte[] temp = new byte[0];
  private byte[] busy;

  /** The largest number of bytes a codec may produce for the current chunk (bomb protection). */
  public long maxDecodedBytes() {
    return maxDecodedBytes;
  }

  /** Number of elements in the current chunk, or -1 when unknown (object codecs use it). */
  public int elementCount() {
    return elementCount;
  }

  /** Sets the limits of the next chunk; called by the pipeline before decoding it. */
  public DecodeContext prepare(long maxBytes, int elements) {
    this.maxDecodedBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
    this.elementCount = elements;
    this.busy = null;
    return this;
  }

  /** Marks the array holding the input of the next codec, so {@link #scratch} does not return it. */
  public void markInput(byte[] input) {
    this.busy = input;
  }

  /**
   * A scratch array of at least {@code size} bytes that is not the current input; its content is
   * undefined. The same arrays are handed out again for later chunks.
   */
  public byte[] scratch(int size) {
    if (scratchA != busy) {
      if (scratchA.length < size) {
        scratchA = new byte[grow(size)];
      }
      return scratchA;
    }
    if (scratchB.length < size) {
      scratchB = new byte[grow(size)];
    }
    return scratchB;
  }

  /**
   * A third scratch array for a codec's own intermediate data (e.g. one Blosc block before it is
   * unshuffled); never the same as the arrays {@link #scratch} hands out.
   */
  public byte[] temp(int size) {
    if (temp.length < size) {
      temp = new byte[size];
    }
    return temp;
  }

  private static int grow(int size) {
    return size;
  }
}
