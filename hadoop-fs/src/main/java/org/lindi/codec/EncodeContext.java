package org.lindi.codec;

/** Per-thread state for encoding chunks: the item size of the data and reusable scratch buffers. */
public final class EncodeContext {
  private int itemSize = 1;
  private byte[] scratch = new byte[0];
  private byte[] temp = new byte[0];

  /** Item size in bytes of the decoded data being encoded. */
  public int itemSize() {
    return itemSize;
  }

  public EncodeContext itemSize(int size) {
    this.itemSize = size;
    return this;
  }

  /** A scratch array of at least {@code size} bytes; its content is undefined. */
  public byte[] scratch(int size) {
    if (scratch.length < size) {
      scratch = new byte[size];
    }
    return scratch;
  }

  /**
   * A second scratch array for a codec's own intermediate data (e.g. one Blosc block after it is
   * shuffled); never the array {@link #scratch} hands out.
   */
  public byte[] temp(int size) {
    if (temp.length < size) {
      temp = new byte[size];
    }
    return temp;
  }
}
