package org.lindi.codec.blosc;

import java.util.Random;

/** Data patterns for Blosc tests: what compresses well, badly, and the ephys-like middle. */
enum TestData {
  RANDOM {
    @Override
    byte[] make(int size, int typesize, Random rnd) {
      byte[] b = new byte[size];
      rnd.nextBytes(b);
      return b;
    }
  },
  /** A smooth random walk written as little-endian integers of the item size (int16: ephys). */
  WALK {
    @Override
    byte[] make(int size, int typesize, Random rnd) {
      byte[] b = new byte[size];
      long v = rnd.nextInt(1000);
      int i = 0;
      for (; i + typesize <= size; i += typesize) {
        v += rnd.nextInt(9) - 4;
        for (int k = 0; k < typesize; k++) {
          b[i + k] = (byte) (k < 8 ? v >> (8 * k) : v >> 63);
        }
      }
      for (; i < size; i++) {
        b[i] = (byte) rnd.nextInt();
      }
      return b;
    }
  },
  /** One random element repeated. */
  CONSTANT {
    @Override
    byte[] make(int size, int typesize, Random rnd) {
      byte[] element = new byte[typesize];
      rnd.nextBytes(element);
      byte[] b = new byte[size];
      for (int i = 0; i < size; i++) {
        b[i] = element[i % typesize];
      }
      return b;
    }
  },
  ZEROS {
    @Override
    byte[] make(int size, int typesize, Random rnd) {
      return new byte[size];
    }
  };

  abstract byte[] make(int size, int typesize, Random rnd);

  /** int16 ephys-like samples: {@code channels} random walks with noise, interleaved per time. */
  static byte[] ephys(int samples, int channels, long seed) {
    Random rnd = new Random(seed);
    int[] level = new int[channels];
    byte[] b = new byte[samples * channels * 2];
    int i = 0;
    for (int t = 0; t < samples; t++) {
      for (int c = 0; c < channels; c++) {
        level[c] += rnd.nextInt(41) - 20;
        level[c] -= level[c] >> 6; // drift back towards 0
        int v = level[c] + (int) (rnd.nextGaussian() * 12);
        b[i++] = (byte) v;
        b[i++] = (byte) (v >> 8);
      }
    }
    return b;
  }
}
