package org.lindi.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The {@code urlRewrite} option: {@code prefix=replacement} pairs separated by {@code ,}; a ref url
 * starting with a prefix has it replaced, the longest matching prefix winning.
 */
public final class UrlRewrite implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rewrites nothing. */
  public static final UrlRewrite NONE = new UrlRewrite(List.of());

  private final List<Rule> rules;

  private UrlRewrite(List<Rule> rules) {
    List<Rule> sorted = new ArrayList<>(rules);
    // Longest prefix first, so the first match is the most specific one.
    sorted.sort(Comparator.comparingInt((Rule r) -> r.prefix.length()).reversed());
    this.rules = Collections.unmodifiableList(sorted);
  }

  /**
   * Parses the option text, e.g. {@code https://dandiarchive.s3.amazonaws.com/=s3a://dandiarchive/}.
   * Each pair is split at its first {@code =} (urls keep their query strings in the replacement);
   * blank text gives {@link #NONE}.
   *
   * @throws IllegalArgumentException for a pair without {@code =} or with an empty prefix
   */
  public static UrlRewrite parse(String option) {
    if (option == null || option.isBlank()) {
      return NONE;
    }
    List<Rule> rules = new ArrayList<>();
    for (String pair : option.split(",")) {
      String p = pair.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("urlRewrite: '" + p + "' in '" + option
            + "' is not a prefix=replacement pair (e.g. https://host/path/=s3a://bucket/path/)");
      }
      rules.add(new Rule(p.substring(0, eq).trim(), p.substring(eq + 1).trim()));
    }
    return new UrlRewrite(rules);
  }

  /** The url with its longest matching prefix replaced; the url itself when no prefix matches. */
  public String apply(String url) {
    for (Rule r : rules) {
      if (url.startsWith(r.prefix)) {
        return r.replacement + url.substring(r.prefix.length());
      }
    }
    return url;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UrlRewrite && rules.equals(((UrlRewrite) o).rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode();
  }

  @Override
  public String toString() {
    return "UrlRewrite" + rules;
  }

  /** One prefix and what replaces it. */
  private static final class Rule implements Serializable {
    private static final long serialVersionUID = 1L;
    final String prefix;
    final String replacement;

    Rule(String prefix, String replacement) {
      this.prefix = prefix;
      this.replacement = replacement;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Rule && prefix.equals(((Rule) o).prefix)
          && replacement.equals(((Rule) o).replacement);
    }

    @Override
    public int hashCode() {
      return Objects.hash(prefix, replacement);
    }

    @Override
    public String toString() {
      return prefix + "=" + replacement;
    }
  }
}
