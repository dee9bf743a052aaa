package org.lindi.spark.read;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The custom metrics a LINDI scan shows in the Spark UI, summed over tasks: chunks read, bytes
 * fetched, bytes decoded, fetch time and decode time. Spark instantiates the metric classes by name
 * on the driver, so each is a public class with a no-argument constructor.
 */
public final class ReadMetrics {
  public static final String CHUNKS_READ = "lindiChunksRead";
  public static final String BYTES_FETCHED = "lindiBytesFetched";
  public static final String BYTES_DECODED = "lindiBytesDecoded";
  public static final String FETCH_TIME = "lindiFetchTimeMs";
  public static final String DECODE_TIME = "lindiDecodeTimeMs";

  private ReadMetrics() {}

  /** What a scan declares. */
  public static CustomMetric[] supported() {
    return new CustomMetric[] {new ChunksRead(), new BytesFetched(), new BytesDecoded(), new FetchTime(),
        new DecodeTime()};
  }

  /** Zero for every metric (a reader that has not read a chunk yet). */
  static CustomTaskMetric[] none() {
    return new CustomTaskMetric[] {value(CHUNKS_READ, 0), value(BYTES_FETCHED, 0), value(BYTES_DECODED, 0),
        value(FETCH_TIME, 0), value(DECODE_TIME, 0)};
  }

  /** The metrics of two readers of one task added up, by name ({@code b} may be null). */
  static CustomTaskMetric[] sum(CustomTaskMetric[] a, CustomTaskMetric[] b) {
    if (b == null) {
      return a;
    }
    CustomTaskMetric[] out = new CustomTaskMetric[a.length];
    for (int i = 0; i < a.length; i++) {
      long v = a[i].value();
      for (CustomTaskMetric m : b) {
        if (m.name().equals(a[i].name())) {
          v += m.value();
        }
      }
      out[i] = value(a[i].name(), v);
    }
    return out;
  }

  /** One task's current value of a metric. */
  static CustomTaskMetric value(String name, long value) {
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }

  /** Chunks decoded (or filled, for chunks without a ref). */
  public static final class ChunksRead extends CustomSumMetric {
    @Override
    public String name() {
      return CHUNKS_READ;
    }

    @Override
    public String description() {
      return "lindi chunks read";
    }
  }

  /** Bytes read from storage, gaps of coalesced reads included. */
  public static final class BytesFetched extends CustomSumMetric {
    @Override
    public String name() {
      return BYTES_FETCHED;
    }

    @Override
    public String description() {
      return "lindi bytes fetched";
    }
  }

  /** Bytes of decoded chunks. */
  public static final class BytesDecoded extends CustomSumMetric {
    @Override
    public String name() {
      return BYTES_DECODED;
    }

    @Override
    public String description() {
      return "lindi bytes decoded";
    }
  }

  /** Milliseconds spent fetching chunk bytes. */
  public static final class FetchTime extends CustomSumMetric {
    @Override
    public String name() {
      return FETCH_TIME;
    }

    @Override
    public String description() {
      return "lindi fetch time (ms)";
    }
  }

  /** Milliseconds spent decoding chunks. */
  public static final class DecodeTime extends CustomSumMetric {
    @Override
    public String name() {
      return DECODE_TIME;
    }

    @Override
    public String description() {
      return "lindi decode time (ms)";
    }
  }
}
