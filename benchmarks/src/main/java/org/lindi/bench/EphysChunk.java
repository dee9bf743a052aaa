package org.lindi.bench;

import java.util.Random;

/** Ephys-like test data: per channel a random walk plus Gaussian noise, time-major, little-endian. */
public final class EphysChunk {
  private EphysChunk() {}

  /** {@code samples x channels} int16 values (2 bytes each). */
  public static byte[] int16(int samples, int channels, long seed) {
    Random rnd = new Random(seed);
    int[] level = new int[channels];
    byte[] b = new byte[samples * channels * 2];
    int i = 0;
    for (int t = 0; t < samples; t++) {
      for (int c = 0; c < channels; c++) {
        level[c] += rnd.nextInt(41) - 20;
        level[c] -= level[c] >> 6; // drift back towards 0, like a high-passed recording
        int v = level[c] + (int) (rnd.nextGaussian() * 12);
        b[i++] = (byte) v;
        b[i++] = (byte) (v >> 8);
      }
    }
    return b;
  }

  /** The same signal in microvolts as float32 (0.195 uV per bit, as Intan amplifiers). */
  public static byte[] float32(int samples, int channels, long seed) {
    byte[] s = int16(samples, channels, seed);
    byte[] b = new byte[s.length * 2];
    for (int i = 0, j = 0; i < s.length; i += 2, j += 4) {
      short v = (short) ((s[i] & 0xff) | (s[i + 1] << 8));
      int f = Float.floatToRawIntBits(v * 0.195f);
      b[j] = (byte) f;
      b[j + 1] = (byte) (f >> 8);
      b[j + 2] = (byte) (f >> 16);
      b[j + 3] = (byte) (f >> 24);
    }
    return b;
  }

  /** The chunk of {@code dtype} ("int16" or "float32"), 30000 x 64. */
  public static byte[] of(String dtype) {
    return "float32".equals(dtype) ? float32(30000, 64, 42) : int16(30000, 64, 42);
  }

  /** Bytes per element of {@code dtype}. */
  public static int itemSize(String dtype) {
    return "float32".equals(dtype) ? 4 : 2;
  }
}
