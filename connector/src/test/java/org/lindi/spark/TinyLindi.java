package org.lindi.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes small {@code .lindi.json} files for tests that need shapes or refs the fixtures do not
 * have: one raw (uncompressed) int16 array {@code x} of shape [rows, cols] in one chunk, its values
 * {@code row * 100 + col}, stored inline or as a ref into a side file.
 */
final class TinyLindi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TinyLindi() {}

  static byte[] values(int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(rows * cols * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        b.putShort((short) (r * 100 + c));
      }
    }
    return b.array();
  }

  private static ObjectNode rfs(int rows, int cols) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ObjectNode refs = root.putObject("refs");
    refs.putObject(".zgroup").put("zarr_format", 2);
    ObjectNode zarray = refs.putObject("x/.zarray");
    zarray.putArray("shape").add(rows).add(cols);
    zarray.putArray("chunks").add(rows).add(cols);
    zarray.put("dtype", "<i2");
    zarray.putNull("compressor");
    zarray.putNull("filters");
    zarray.put("fill_value", 0);
    zarray.put("order", "C");
    zarray.put("zarr_format", 2);
    return root;
  }

  /** A file whose one chunk is inline. */
  static Path inline(Path dir, String name, int rows, int cols) throws IOException {
    ObjectNode root = rfs(rows, cols);
    ((ObjectNode) root.get("refs")).put("x/0.0", "base64:" + Base64.getEncoder().encodeToString(values(rows, cols)));
    Path file = dir.resolve(name);
    JSON.writeValue(file.toFile(), root);
    return file;
  }

  /** A file whose one chunk is {@code [url, 0, length]}; the caller writes the bytes at url. */
  static Path withRef(Path dir, String name, int rows, int cols, String url) throws IOException {
    ObjectNode root = rfs(rows, cols);
    ArrayNode ref = ((ObjectNode) root.get("refs")).putArray("x/0.0");
    ref.add(url).add(0).add(rows * cols * 2);
    Path file = dir.resolve(name);
    JSON.writeValue(file.toFile(), root);
    return file;
  }

  static void writeValues(Path file, int rows, int cols) throws IOException {
    Files.write(file, values(rows, cols));
  }
}
