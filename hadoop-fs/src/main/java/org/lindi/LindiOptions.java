package org.lindi;

import java.util.List;
import java.util.Objects;
import org.lindi.codec.CodecRegistry;

/**
 * How to open a LINDI file: url rewrite rules and extra allowed locations (SPEC sections 6 and 8),
 * and the codec registry. Immutable; start from {@link #defaults()}.
 */
public final class LindiOptions {
  private static final LindiOptions DEFAULTS = new LindiOptions(null, List.of(), null);

  private final String urlRewrite;
  private final List<String> allowedLocations;
  private final CodecRegistry codecs;

  private LindiOptions(String urlRewrite, List<String> allowedLocations, CodecRegistry codecs) {
    this.urlRewrite = urlRewrite;
    this.allowedLocations = List.copyOf(allowedLocations);
    this.codecs = codecs;
  }

  public static LindiOptions defaults() {
    return DEFAULTS;
  }

  /** {@code prefix=replacement} pairs separated by {@code ,} applied to ref urls. */
  public LindiOptions withUrlRewrite(String rules) {
    return new LindiOptions(rules, allowedLocations, codecs);
  }

  /** Extra url prefixes refs may point to (beyond the lindi file's folder and remote stores). */
  public LindiOptions withAllowedLocations(List<String> prefixes) {
    return new LindiOptions(urlRewrite, prefixes, codecs);
  }

  /** The registry codecs are looked up in (default: {@link CodecRegistry#defaultRegistry()}). */
  public LindiOptions withCodecs(CodecRegistry registry) {
    return new LindiOptions(urlRewrite, allowedLocations, registry);
  }

  /** The rewrite rules, or null. */
  public String urlRewrite() {
    return urlRewrite;
  }

  public List<String> allowedLocations() {
    return allowedLocations;
  }

  public CodecRegistry codecs() {
    return codecs != null ? codecs : CodecRegistry.defaultRegistry();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LindiOptions)) {
      return false;
    }
    LindiOptions x = (LindiOptions) o;
    return Objects.equals(urlRewrite, x.urlRewrite) && allowedLocations.equals(x.allowedLocations)
        && Objects.equals(codecs, x.codecs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(urlRewrite, allowedLocations);
  }

  @Override
  public String toString() {
    return "LindiOptions{urlRewrite=" + urlRewrite + ", allowedLocations=" + allowedLocations + "}";
  }
}
