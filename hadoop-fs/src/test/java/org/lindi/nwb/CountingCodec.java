package org.lindi.nwb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.Codec;
import org.lindi.codec.CodecFactory;
import org.lindi.codec.CodecRegistry;
import org.lindi.codec.DecodeContext;
import org.lindi.zarr.DType;

/**
 * A pass-through filter ({@code {"id": "nwb-test-count", "counter": name}}) that counts the chunks
 * decoded through it: an independent count of the chunks a reader actually decodes.
 */
final class CountingCodec implements Codec {
  static final String ID = "nwb-test-count";
  private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

  private final AtomicLong counter;

  private CountingCodec(AtomicLong counter) {
    this.counter = counter;
  }

  /** The filter entry for a {@code .zarray} that counts into {@code counter}. */
  static ObjectNode filter(String counter) {
    return JsonNodeFactory.instance.objectNode().put("id", ID).put("counter", counter);
  }

  /** Chunks decoded so far through filters naming {@code counter}. */
  static long count(String counter) {
    return COUNTERS.computeIfAbsent(counter, k -> new AtomicLong()).get();
  }

  static void reset(String counter) {
    COUNTERS.computeIfAbsent(counter, k -> new AtomicLong()).set(0);
  }

  /**
   * The default codecs plus this one, registered the way users register theirs: a
   * {@code META-INF/services} file (written under {@code dir}) seen through a class loader.
   */
  static CodecRegistry registry(Path dir) {
    try {
      Path services = dir.resolve("codec-services/META-INF/services");
      Files.createDirectories(services);
      Files.writeString(services.resolve(CodecFactory.class.getName()), Factory.class.getName() + "\n");
      URL root = dir.resolve("codec-services").toUri().toURL();
      return CodecRegistry.load(new URLClassLoader(new URL[] {root}, CountingCodec.class.getClassLoader()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    counter.incrementAndGet();
    return encoded;
  }

  /** Factory found through the service file {@link #registry} writes. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      return new CountingCodec(COUNTERS.computeIfAbsent(config.path("counter").asText(""), k -> new AtomicLong()));
    }
  }
}
