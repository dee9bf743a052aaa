package org.lindi.container;

import org.lindi.error.ErrorContext;
import org.lindi.error.LocationNotAllowedException;

/** Container-internal ref urls: {@code .} (the lindi file) and {@code ./x} (an entry of it). */
final class InternalUrl {
  static final String SELF = ".";
  private static final String ENTRY_PREFIX = "./";

  private InternalUrl() {}

  static boolean isSelf(String url) {
    return SELF.equals(url);
  }

  /**
   * The {@code x} of {@code ./x}, or null for any other url.
   *
   * @throws LocationNotAllowedException when {@code x} is empty or has an empty, {@code .} or
   *     {@code ..} segment (it could leave the container)
   */
  static String entryName(String url, String file) {
    if (!url.startsWith(ENTRY_PREFIX)) {
      return null;
    }
    String name = url.substring(ENTRY_PREFIX.length());
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new LocationNotAllowedException("container url must name an entry inside the "
            + "container, without empty, '.' or '..' segments",
            ErrorContext.ofFile(file).withRange(url, -1, -1));
      }
    }
    return name;
  }
}
