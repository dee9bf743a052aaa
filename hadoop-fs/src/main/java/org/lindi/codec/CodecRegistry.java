package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnknownCodecException;
import org.lindi.zarr.DType;

/**
 * The codecs available by numcodecs id: every {@link CodecFactory} listed in a
 * {@code META-INF/services/org.lindi.codec.CodecFactory} file on the classpath, the built-in ones
 * included. Built-in factories (those in this library's jar) win over others with the same id;
 * otherwise the first one found wins. Immutable and thread safe.
 */
public final class CodecRegistry {
  private static final String SERVICE_FILE = "META-INF/services/" + CodecFactory.class.getName();

  /** The cached default registry and the class loader it was loaded from, swapped as one. */
  private static volatile Cached cached;

  private final Map<String, CodecFactory> factories;
  private final List<String> loadErrors;

  private CodecRegistry(Map<String, CodecFactory> factories, List<String> loadErrors) {
    this.factories = factories;
    this.loadErrors = loadErrors;
  }

  /**
   * The registry of the current thread's context class loader (where Spark puts user jars), plus
   * this library's own loader; loaded once per context class loader and cached.
   */
  public static CodecRegistry defaultRegistry() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader own = CodecRegistry.class.getClassLoader();
    ClassLoader key = context != null ? context : own;
    Cached c = cached;
    if (c != null && c.loader == key) {
      return c.registry;
    }
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(key);
    if (own != key) {
      loaders.add(own);
    }
    CodecRegistry registry = load(loaders);
    cached = new Cached(key, registry);
    return registry;
  }

  /** The factories that {@code loader} finds through {@link ServiceLoader}. */
  public static CodecRegistry load(ClassLoader loader) {
    return load(Collections.singletonList(loader));
  }

  private static CodecRegistry load(List<ClassLoader> loaders) {
    List<CodecFactory> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (ClassLoader loader : loaders) {
      Iterator<CodecFactory> it = ServiceLoader.load(CodecFactory.class, loader).iterator();
      // a broken provider must not hide the others: note it and go on
      for (int guard = 0; guard < 10_000; guard++) {
        try {
          if (!it.hasNext()) {
            break;
          }
          found.add(it.next());
        } catch (ServiceConfigurationError e) {
          errors.add(e.getMessage());
        }
      }
    }
    Map<String, CodecFactory> byId = new LinkedHashMap<>();
    for (boolean builtIn : new boolean[] {true, false}) {
      for (CodecFactory f : found) {
        if (isBuiltIn(f.getClass()) == builtIn) {
          byId.putIfAbsent(f.id(), f);
        }
      }
    }
    return new CodecRegistry(Collections.unmodifiableMap(byId), Collections.unmodifiableList(errors));
  }

  /** Shipped in the same jar (or classes directory) as this registry. */
  private static boolean isBuiltIn(Class<?> factory) {
    return location(factory).equals(location(CodecRegistry.class));
  }

  private static String location(Class<?> c) {
    ProtectionDomain pd = c.getProtectionDomain();
    CodeSource cs = pd == null ? null : pd.getCodeSource();
    // compared as text: URL.equals may resolve host names
    return cs == null || cs.getLocation() == null ? "" : cs.getLocation().toString();
  }

  /**
   * Creates the codec that {@code config} (a {@code compressor} or {@code filters} entry of a
   * {@code .zarray}) describes.
   *
   * @throws LindiFormatException if {@code config} is not an object with a string {@code id}, or
   *     its parameters are invalid
   * @throws UnknownCodecException if no factory is registered for the id
   */
  public Codec create(JsonNode config, DType arrayDtype) {
    if (config == null || !config.isObject()) {
      throw new LindiFormatException("codec configuration must be a JSON object with an 'id', got " + config);
    }
    JsonNode id = config.get("id");
    if (id == null || !id.isTextual()) {
      throw new LindiFormatException("codec configuration has no string 'id': " + config);
    }
    CodecFactory factory = factories.get(id.textValue());
    if (factory == null) {
      throw new UnknownCodecException(unknownMessage(id.textValue()));
    }
    try {
      return factory.create(config, arrayDtype);
    } catch (LindiException e) {
      throw e;
    } catch (RuntimeException e) { // a custom factory's own exception: keep it as the cause
      throw new LindiFormatException("codec '" + id.textValue() + "': invalid configuration " + config + " (" + e + ")", e);
    }
  }

  private String unknownMessage(String id) {
    StringBuilder sb = new StringBuilder();
    sb.append("unknown codec '").append(id).append("': no CodecFactory with this id is registered (known: ")
        .append(String.join(", ", ids())).append("). To add a codec, implement ")
        .append(CodecFactory.class.getName()).append(" and list the class in ").append(SERVICE_FILE)
        .append(" in a jar on the driver and executor classpath (e.g. spark-submit --jars).");
    if (!loadErrors.isEmpty()) {
      sb.append(" Codec factories that failed to load: ").append(String.join("; ", loadErrors));
    }
    return sb.toString();
  }

  public boolean has(String id) {
    return factories.containsKey(id);
  }

  /** The registered ids, sorted. */
  public Set<String> ids() {
    return Collections.unmodifiableSet(new TreeSet<>(factories.keySet()));
  }

  /** Providers listed in a services file that could not be loaded (their codecs are unavailable). */
  public List<String> loadErrors() {
    return loadErrors;
  }

  @Override
  public String toString() {
    return "CodecRegistry" + ids();
  }

  private static final class Cached {
    final ClassLoader loader;
    final CodecRegistry registry;

    Cached(ClassLoader loader, CodecRegistry registry) {
      this.loader = loader;
      this.registry = registry;
    }
  }
}
