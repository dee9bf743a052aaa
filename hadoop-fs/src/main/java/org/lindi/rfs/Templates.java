package org.lindi.rfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.lindi.error.LindiFormatException;

/**
 * The {@code templates} of an RFS: {@code {{name}}} inside a ref url is replaced by the template's
 * value, by plain substitution (kerchunk renders them with jinja2; plain names are all LINDI uses).
 */
public final class Templates {
  /** No templates. */
  public static final Templates NONE = new Templates(Map.of());

  private final Map<String, String> values;

  private Templates(Map<String, String> values) {
    this.values = values;
  }

  /** Templates with these name to value pairs, in this order. */
  public static Templates of(Map<String, String> values) {
    if (values.isEmpty()) {
      return NONE;
    }
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
    return new Templates(Collections.unmodifiableMap(copy));
  }

  /** The name to value pairs (unmodifiable, in document order). */
  public Map<String, String> asMap() {
    return values;
  }

  /**
   * The url with every {@code {{name}}} replaced; the replacement itself is not scanned again.
   *
   * @throws LindiFormatException when a name is not defined, or a {@code {{} is not closed
   */
  public String substitute(String url) {
    int open = url.indexOf("{{");
    if (open < 0) {
      return url;
    }
    StringBuilder sb = new StringBuilder(url.length() + 32);
    int from = 0;
    while (open >= 0) {
      int close = url.indexOf("}}", open + 2);
      if (close < 0) {
        throw new LindiFormatException("unclosed '{{' in ref url '" + url + "'");
      }
      String name = url.substring(open + 2, close).trim();
      String value = values.get(name);
      if (value == null) {
        throw new LindiFormatException("ref url '" + url + "' uses template '" + name
            + "', which is not defined in \"templates\" " + values.keySet());
      }
      sb.append(url, from, open).append(value);
      from = close + 2;
      open = url.indexOf("{{", from);
    }
    return sb.append(url, from, url.length()).toString();
  }

  /**
   * The url written through the template whose value is its longest prefix, when that makes it
   * shorter (so {@code "."} stays {@code "."} rather than becoming {@code "{{u1}}"}).
   */
  public String shorten(String url) {
    String bestName = null;
    int bestLength = 0;
    for (Map.Entry<String, String> t : values.entrySet()) {
      String value = t.getValue();
      int placeholder = t.getKey().length() + 4;
      if (value.length() > placeholder && value.length() > bestLength && url.startsWith(value)) {
        bestName = t.getKey();
        bestLength = value.length();
      }
    }
    return bestName == null ? url : "{{" + bestName + "}}" + url.substring(bestLength);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Templates && values.equals(((Templates) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Templates" + values;
  }
}
