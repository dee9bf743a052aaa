package org.lindi.spark.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: {@code --name value} options (repeatable), {@code --flag}s and
 * positional arguments, checked against what the command knows; anything else is a
 * {@link CliUsageException}. {@code --} ends the options. Immutable.
 */
final class CommandArgs {
  private final Map<String, List<String>> values;
  private final Set<String> flags;
  private final List<String> positionals;

  private CommandArgs(Map<String, List<String>> values, Set<String> flags, List<String> positionals) {
    this.values = values;
    this.flags = flags;
    this.positionals = Collections.unmodifiableList(positionals);
  }

  static CommandArgs parse(String[] args, Set<String> valued, Set<String> knownFlags) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Set<String> flags = new java.util.LinkedHashSet<>();
    List<String> positionals = new ArrayList<>();
    boolean options = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (options && a.equals("--")) {
        options = false;
      } else if (options && a.startsWith("--") && a.length() > 2) {
        String name = a.substring(2);
        String inline = null;
        int eq = name.indexOf('=');
        if (eq > 0 && valued.contains(name.substring(0, eq))) {
          inline = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (valued.contains(name)) {
          if (inline == null) {
            if (i + 1 >= args.length) {
              throw new CliUsageException("--" + name + " needs a value");
            }
            inline = args[++i];
          }
          values.computeIfAbsent(name, k -> new ArrayList<>()).add(inline);
        } else if (knownFlags.contains(name)) {
          flags.add(name);
        } else {
          throw new CliUsageException("unknown option '" + a + "'");
        }
      } else {
        positionals.add(a);
      }
    }
    return new CommandArgs(values, flags, positionals);
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /** The last value of {@code --name}, or {@code fallback}. */
  String value(String name, String fallback) {
    List<String> v = values.get(name);
    return v == null ? fallback : v.get(v.size() - 1);
  }

  List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  List<String> positionals() {
    return positionals;
  }

  long longValue(String name, long fallback, long min, long max) {
    String v = value(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < min || n > max) {
        throw new CliUsageException("--" + name + " must be in [" + min + ", " + max + "], got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CliUsageException("--" + name + " takes an integer, got '" + v + "'");
    }
  }

  double doubleValue(String name, double fallback, double min, double max) {
    String v = value(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!(d >= min && d <= max)) {
        throw new CliUsageException("--" + name + " must be in [" + min + ", " + max + "], got " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new CliUsageException("--" + name + " takes a number, got '" + v + "'");
    }
  }
}
