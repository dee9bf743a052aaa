package org.lindi.codec;

/** Per-thread state for encoding chunks: the item size of the data and a reusable scratch buffer. */
public final class EncodeContext {
  private int itemSize = 1;
  private byte[] scratch = new byte[0];

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
}
