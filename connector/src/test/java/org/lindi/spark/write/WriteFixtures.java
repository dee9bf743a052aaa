package org.lindi.spark.write;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.lindi.LindiFile;
import org.lindi.zarr.DType;

/**
 * Inputs of known content for the write tests, the bytes they must become, and the independent
 * readers: {@link LindiFile} and zarr-python ({@code hadoop-fs/src/test/python/check_lindi_zarr.py}).
 * Element (i, j) is {@code (31 i + 7 j) mod 200 - 100}; as BOOLEAN, whether it is positive.
 */
final class WriteFixtures {
  static final String PYTHON = "/usr/bin/python3";
  static final Path CHECKER = Paths.get("../hadoop-fs/src/test/python/check_lindi_zarr.py");
  private static Boolean python;

  private WriteFixtures() {}

  static long element(long i, long j) {
    return Math.floorMod(31 * i + 7 * j, 200) - 100;
  }

  private static Column elementExpr(String index, int j, DataType t) {
    Column v = expr("pmod(31 * " + index + " + " + 7 * j + ", 200) - 100");
    return t.equals(DataTypes.BooleanType) ? v.gt(0) : v.cast(t);
  }

  /**
   * Rows {@code index} in [from, to) of type {@code t}: scalars when {@code cols} is 0, ARRAYs of
   * {@code cols} elements otherwise.
   */
  static Dataset<Row> frame(SparkSession spark, long from, long to, int cols, DataType t) {
    Dataset<Row> ids = spark.range(from, to, 1, 3).select(col("id").as("index"));
    Column value;
    if (cols == 0) {
      value = elementExpr("index", 0, t);
    } else {
      Column[] cs = new Column[cols];
      for (int j = 0; j < cols; j++) {
        cs[j] = elementExpr("index", j, t);
      }
      value = array(cs);
    }
    return ids.select(col("index"), value.as("value"));
  }

  /** The C-order little-endian bytes of rows [from, to) as {@code dtype}. */
  static byte[] expected(long from, long to, int cols, DType dtype) {
    int per = Math.max(1, cols);
    ByteBuffer b = ByteBuffer.allocate((int) ((to - from) * per * dtype.itemSize()))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (long i = from; i < to; i++) {
      for (int j = 0; j < per; j++) {
        put(b, dtype, element(i, j));
      }
    }
    return b.array();
  }

  static void put(ByteBuffer b, DType dtype, long v) {
    switch (dtype.kind().code() + String.valueOf(dtype.itemSize())) {
      case "b1": b.put((byte) (v > 0 ? 1 : 0)); break;
      case "i1": b.put((byte) v); break;
      case "i2": b.putShort((short) v); break;
      case "i4": b.putInt((int) v); break;
      case "i8": b.putLong(v); break;
      case "f4": b.putFloat(v); break;
      case "f8": b.putDouble(v); break;
      default: throw new IllegalArgumentException(dtype.toString());
    }
  }

  /** The whole array as LindiFile reads it (C order, little-endian). */
  static byte[] read(Path file, String dataset) throws IOException {
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())) {
      return f.array(dataset).read().bytes();
    }
  }

  static long[] shape(Path file, String dataset) throws IOException {
    try (LindiFile f = LindiFile.open(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())) {
      return f.array(dataset).shape();
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Files in {@code dir} whose names say staging or uploading (what a write must not leave). */
  static List<String> leftovers(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".staging-") || n.startsWith("part-") || n.endsWith(".creating")
              || n.endsWith(".uploading"))
          .collect(Collectors.toList());
    }
  }

  static synchronized boolean pythonAvailable() {
    if (python == null) {
      try {
        Process p = new ProcessBuilder(PYTHON, "-c", "import zarr, numcodecs, numpy")
            .redirectErrorStream(true).start();
        python = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (Exception e) {
        python = false;
      }
    }
    return python;
  }

  /** Asserts that zarr-python reads each array of {@code expected} (path to sha256) to its hash. */
  static void assertZarrPythonReads(Path file, Map<String, String> expected) throws Exception {
    assumeTrue(pythonAvailable(), PYTHON + " with zarr and numcodecs is not installed");
    ObjectNode side = new ObjectMapper().createObjectNode();
    ObjectNode arrays = side.putObject("arrays");
    expected.forEach(arrays::put);
    Path sidecar = Files.createTempFile("lindi-write-check", ".json");
    try {
      Files.writeString(sidecar, side.toString());
      Process p = new ProcessBuilder(PYTHON, CHECKER.toString(), file.toString(), sidecar.toString())
          .redirectErrorStream(true).start();
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!done) {
        p.destroyForcibly();
      }
      assertEquals(0, done ? p.exitValue() : -1, "zarr-python on " + file + ":\n" + out);
    } finally {
      Files.deleteIfExists(sidecar);
    }
  }
}
