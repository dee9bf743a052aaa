package org.lindi.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.lindi.error.LindiFormatException;

/**
 * Lists a tar's members by walking its headers, as {@code tar -t} does: the fallback when LINDI's
 * index is missing or broken. Every header checksum is verified and every size checked against
 * the file length; long names from pax ({@code path}) and GNU ({@code L}) headers are honoured.
 */
final class UstarScan {
  /** Bound for a pax or GNU long-name record, far above any real path. */
  private static final int MAX_EXTENDED_HEADER = 1 << 20;

  private UstarScan() {}

  /**
   * The live members (trash left out; a later member of the same name replaces an earlier one,
   * as on extraction).
   *
   * @throws LindiFormatException at the first header that is not valid
   */
  static Map<String, TarEntry> scan(ContainerFile file) throws IOException {
    Map<String, TarEntry> entries = new HashMap<>();
    long pos = 0;
    long memberStart = -1;
    String longName = null;
    while (pos + UstarHeader.BLOCK <= file.length()) {
      byte[] block = file.read(pos, UstarHeader.BLOCK, "tar header");
      if (UstarHeader.isZeroBlock(block, 0)) {
        break;
      }
      UstarHeader h;
      try {
        h = UstarHeader.parse(block, 0);
      } catch (IllegalArgumentException e) {
        throw file.error("tar header at byte " + pos + ": " + e.getMessage());
      }
      long data = pos + UstarHeader.BLOCK;
      if (h.size() > file.length() - data) {
        throw file.error("tar entry '" + h.name() + "' at byte " + pos + " claims " + h.size()
            + " bytes, past the end of the file (" + file.length() + " bytes)");
      }
      if (memberStart < 0) {
        memberStart = pos;
      }
      if (h.isPaxHeader() || h.isGnuLongName()) {
        if (h.size() > MAX_EXTENDED_HEADER) {
          throw file.error("tar extended header at byte " + pos + " claims " + h.size() + " bytes");
        }
        byte[] ext = file.read(data, (int) h.size(), "tar extended header");
        String name = h.isPaxHeader() ? paxPath(ext, file, pos) : gnuName(ext);
        if (name != null) {
          longName = name;
        }
      } else if (!h.isPaxGlobalHeader()) {
        String name = longName != null ? longName : h.name();
        if (h.isFile() && !name.startsWith(".trash/")) {
          entries.put(name, new TarEntry(name, memberStart, data, h.size()));
        }
        longName = null;
        memberStart = -1;
      } else {
        memberStart = -1;
      }
      pos = data + (h.size() + UstarHeader.BLOCK - 1) / UstarHeader.BLOCK * UstarHeader.BLOCK;
    }
    return entries;
  }

  /** The {@code path} record of pax data: {@code "<len> path=<value>\n"} records. */
  private static String paxPath(byte[] ext, ContainerFile file, long at) {
    String path = null;
    int i = 0;
    while (i < ext.length && ext[i] != 0) {
      int space = i;
      while (space < ext.length && ext[space] != ' ') {
        space++;
      }
      int length;
      try {
        length = Integer.parseInt(new String(ext, i, space - i, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw file.error("malformed pax header at byte " + at);
      }
      if (length <= space - i || i + length > ext.length) {
        throw file.error("malformed pax record length at byte " + at);
      }
      String record = new String(ext, space + 1, i + length - space - 2, StandardCharsets.UTF_8);
      if (record.startsWith("path=")) {
        path = record.substring("path=".length());
      }
      i += length;
    }
    return path;
  }

  private static String gnuName(byte[] ext) {
    int n = 0;
    while (n < ext.length && ext[n] != 0) {
      n++;
    }
    return new String(ext, 0, n, StandardCharsets.UTF_8);
  }
}
