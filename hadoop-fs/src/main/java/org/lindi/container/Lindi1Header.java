package org.lindi.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.rfs.RfsJson;

/**
 * The 1024-byte header of a lindi1 file (SPEC 2.1): UTF-8 JSON
 * {@code {"format": "lindi1", "rfs_start": S, "rfs_size": N, "rfs_padding": P}} then NUL bytes.
 */
public final class Lindi1Header {
  /** Size of the header region at the start of the file. */
  public static final int SIZE = 1024;
  /** The value of {@code "format"}. */
  public static final String FORMAT = "lindi1";

  private final long rfsStart;
  private final long rfsSize;
  private final long rfsPadding;

  public Lindi1Header(long rfsStart, long rfsSize, long rfsPadding) {
    if (rfsStart < SIZE || rfsSize < 0 || rfsPadding < 0) {
      throw new IllegalArgumentException("invalid lindi1 header: rfs_start=" + rfsStart
          + ", rfs_size=" + rfsSize + ", rfs_padding=" + rfsPadding);
    }
    this.rfsStart = rfsStart;
    this.rfsSize = rfsSize;
    this.rfsPadding = rfsPadding;
  }

  /**
   * Parses the first 1024 bytes of a lindi1 file.
   *
   * @throws LindiFormatException whose message starts "invalid lindi1 header" and names the file
   */
  public static Lindi1Header parse(byte[] header, String file) {
    if (header.length != SIZE) {
      throw invalid("expected " + SIZE + " bytes, got " + header.length, file, null);
    }
    int end = 0;
    while (end < SIZE && header[end] != 0) {
      end++;
    }
    for (int i = end; i < SIZE; i++) {
      if (header[i] != 0) {
        throw invalid("byte " + i + " after the header JSON is not NUL", file, null);
      }
    }
    JsonNode json;
    try {
      json = RfsJson.parseValue(header, 0, end);
    } catch (IOException e) {
      throw invalid("the header JSON does not parse: " + e.getMessage(), file, e);
    }
    if (!json.isObject()) {
      throw invalid("the header is not a JSON object", file, null);
    }
    JsonNode format = json.get("format");
    if (format == null || !format.isTextual() || !FORMAT.equals(format.asText())) {
      throw invalid("\"format\" is " + format + ", expected \"" + FORMAT + "\"", file, null);
    }
    long start = field(json, "rfs_start", true, file);
    if (start < SIZE) {
      throw invalid("rfs_start " + start + " lies inside the " + SIZE + "-byte header", file, null);
    }
    return new Lindi1Header(start, field(json, "rfs_size", true, file),
        field(json, "rfs_padding", false, file));
  }

  private static long field(JsonNode json, String name, boolean required, String file) {
    JsonNode v = json.get(name);
    if (v == null && !required) {
      return 0;
    }
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
      throw invalid("\"" + name + "\" is " + v + ", expected a non-negative integer", file, null);
    }
    return v.asLong();
  }

  private static LindiFormatException invalid(String why, String file, Throwable cause) {
    return new LindiFormatException("invalid lindi1 header: " + why, ErrorContext.ofFile(file),
        cause);
  }

  /** The header as written to a file: the JSON, then NUL bytes up to {@link #SIZE}. */
  public byte[] toBytes() {
    ObjectNode json = RfsJson.mapper().createObjectNode();
    json.put("format", FORMAT);
    json.put("rfs_start", rfsStart);
    json.put("rfs_size", rfsSize);
    json.put("rfs_padding", rfsPadding);
    byte[] text = json.toString().getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[SIZE];
    System.arraycopy(text, 0, out, 0, text.length);
    return out;
  }

  /** Offset of the RFS JSON. */
  public long rfsStart() {
    return rfsStart;
  }

  /** Length of the RFS region (the JSON, possibly followed by NUL bytes). */
  public long rfsSize() {
    return rfsSize;
  }

  /** NUL bytes reserved after the RFS region for it to grow in place. */
  public long rfsPadding() {
    return rfsPadding;
  }

  /** End of the RFS region and its padding. */
  public long rfsEnd() {
    return rfsStart + rfsSize + rfsPadding;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Lindi1Header)) {
      return false;
    }
    Lindi1Header h = (Lindi1Header) o;
    return rfsStart == h.rfsStart && rfsSize == h.rfsSize && rfsPadding == h.rfsPadding;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rfsStart, rfsSize, rfsPadding);
  }

  @Override
  public String toString() {
    return "Lindi1Header[rfs_start=" + rfsStart + ", rfs_size=" + rfsSize + ", rfs_padding="
        + rfsPadding + "]";
  }
}
