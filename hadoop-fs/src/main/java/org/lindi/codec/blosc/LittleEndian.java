package org.lindi.codec.blosc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian 32- and 64-bit loads and stores on byte arrays (headers, word-wide loops). */
final class LittleEndian {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private LittleEndian() {}

  static int getInt(byte[] a, int i) {
    return (int) INT.get(a, i);
  }

  static void putInt(byte[] a, int i, int v) {
    INT.set(a, i, v);
  }

  static long getLong(byte[] a, int i) {
    return (long) LONG.get(a, i);
  }

  static void putLong(byte[] a, int i, long v) {
    LONG.set(a, i, v);
  }
}
