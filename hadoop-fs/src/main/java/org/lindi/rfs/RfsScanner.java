package org.lindi.rfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link RfsParser} for a document in memory: scans its bytes and takes the common
 * refs, {@code "key": ["url", offset, length]} with plain ASCII key and url, straight into the
 * builder's columns (no String per key, no UTF-16 decoding); every other value (metadata objects,
 * inline strings, top-level members) is handed to the Jackson parser as its byte slice. It gives up
 * (returns null) on anything it does not take exactly as written, errors included: the streaming
 * parser then reads the document again and reports what is wrong, as before.
 */
final class RfsScanner {
  private final byte[] b;
  private final int end;
  private final String file;
  private final ReferenceFileSystem.Builder builder;
  private int at;
  /** The previous range ref's url: consecutive refs usually share it. */
  private int lastUrlFrom = -1;
  private int lastUrlTo;
  private int lastUrlId;
  /** The content bounds of the last {@link #plainString}, and where its last segment starts. */
  private int strFrom;
  private int strTo;
  private int strSegment;

  /** Thrown where the scanner hands the document back to the streaming parser. */
  private static final class GiveUp extends Exception {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  private RfsScanner(byte[] b, int from, int to, String file) {
    this.b = b;
    this.at = from;
    this.end = to;
    this.file = file;
    this.builder = ReferenceFileSystem.builder().source(file);
  }

  /** The RFS of {@code bytes[from, to)}, or null when the streaming parser must read it. */
  static ReferenceFileSystem tryParse(byte[] bytes, int from, int to, String file) {
    RfsScanner s = new RfsScanner(bytes, from, to, file);
    try {
      s.document();
      return s.builder.build();
    } catch (GiveUp | IOException | RuntimeException e) {
      return null;
    }
  }

  private void document() throws GiveUp, IOException {
    ws();
    expect('{');
    ws();
    boolean sawRefs = false;
    if (peek() != '}') {
      while (true) {
        ws();
        plainString();
        String field = ascii(strFrom, strTo);
        ws();
        expect(':');
        ws();
        if (field.equals("refs")) {
          refs();
          sawRefs = true;
        } else {
          int from = at;
          skipValue();
          checkUtf8(from, at);
          RfsParser.topLevelMember(field, b, from, at, builder, file);
        }
        ws();
        if (peek() == ',') {
          at++;
          continue;
        }
        break;
      }
    }
    expect('}');
    if (!sawRefs) {
      throw GIVE_UP;
    }
    // only NUL bytes and whitespace may follow (container padding)
    for (; at < end; at++) {
      byte c = b[at];
      if (c != 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        throw GIVE_UP;
      }
    }
  }

  private void refs() throws GiveUp, IOException {
    expect('{');
    ws();
    if (peek() == '}') {
      at++;
      return;
    }
    // room for the refs of a document of this size, so that the columns do not grow by copies
    int guess = (end - at) / 48;
    builder.reserveRefs(guess, (long) guess * 14);
    while (true) {
      ws();
      if (sameUrlRange()) {
        ws();
        byte c = peek();
        at++;
        if (c == '}') {
          return;
        }
        if (c != ',') {
          throw GIVE_UP;
        }
        continue;
      }
      plainString();
      int keyFrom = strFrom;
      int keyTo = strTo;
      boolean metadata = keyTo - strSegment >= 2 && b[strSegment] == '.' && b[strSegment + 1] == 'z';
      ws();
      expect(':');
      ws();
      if (metadata || !(peek() == '[' && range(keyFrom, keyTo))) {
        int from = at;
        skipValue();
        checkUtf8(from, at);
        RfsParser.ref(ascii(keyFrom, keyTo), b, from, at, builder, file);
      }
      ws();
      byte c = peek();
      at++;
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw GIVE_UP;
      }
    }
  }

  /**
   * The bulk of a large document in one pass over locals: a chunk key whose value is
   * {@code ["url", offset, length]} with the url of the previous range ref, put into the builder
   * and the position moved past it. False (position unchanged) for anything else, which the
   * general path below then reads with the same rules.
   */
  private boolean sameUrlRange() {
    final byte[] b = this.b;
    final int end = this.end;
    int i = at;
    if (lastUrlFrom < 0 || i >= end || b[i] != '"') {
      return false;
    }
    int keyFrom = ++i;
    int segment = i;
    while (true) {
      if (i >= end) {
        return false;
      }
      byte c = b[i];
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < 0x20) { // also every byte >= 0x80: not plain ASCII
        return false;
      }
      if (c == '/') {
        segment = i + 1;
      }
      i++;
    }
    int keyTo = i++;
    if (keyTo - segment >= 2 && b[segment] == '.' && b[segment + 1] == 'z') {
      return false;
    }
    i = skipWs(b, i, end);
    if (i >= end || b[i] != ':') {
      return false;
    }
    i = skipWs(b, i + 1, end);
    if (i >= end || b[i] != '[') {
      return false;
    }
    i = skipWs(b, i + 1, end);
    int urlLength = lastUrlTo - lastUrlFrom;
    if (end - i < urlLength + 2 || b[i] != '"' || b[i + 1 + urlLength] != '"'
        || !Arrays.equals(b, i + 1, i + 1 + urlLength, b, lastUrlFrom, lastUrlTo)) {
      return false;
    }
    i = skipWs(b, i + urlLength + 2, end);
    if (i >= end || b[i] != ',') {
      return false;
    }
    i = skipWs(b, i + 1, end);
    int from = i;
    long offset = 0;
    for (; i < end && i - from < 18; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      offset = offset * 10 + d;
    }
    if (!plainNumber(b, from, i, end)) {
      return false;
    }
    i = skipWs(b, i, end);
    if (i >= end || b[i] != ',') {
      return false;
    }
    i = skipWs(b, i + 1, end);
    from = i;
    long length = 0;
    for (; i < end && i - from < 18; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      length = length * 10 + d;
    }
    if (!plainNumber(b, from, i, end)) {
      return false;
    }
    i = skipWs(b, i, end);
    if (i >= end || b[i] != ']') {
      return false;
    }
    at = i + 1;
    builder.putRawRange(b, keyFrom, keyTo, lastUrlId, offset, length);
    return true;
  }

  /** Whether the digits {@code b[from, to)} are a whole number as {@link #plainLong} takes it. */
  private static boolean plainNumber(byte[] b, int from, int to, int end) {
    int n = to - from;
    if (n == 0 || (n > 1 && b[from] == '0')) {
      return false;
    }
    if (to >= end) {
      return true;
    }
    byte c = b[to];
    return c != '.' && c != 'e' && c != 'E' && (c < '0' || c > '9');
  }

  private static int skipWs(byte[] b, int i, int end) {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return i;
      }
      i++;
    }
    return i;
  }

  /**
   * {@code ["url", offset, length]} or {@code ["url"]} of the chunk key {@code b[keyFrom, keyTo)}
   * (not a metadata key: those go through the builder's String path), put into the builder; false
   * (position unchanged) for any other value.
   */
  private boolean range(int keyFrom, int keyTo) throws GiveUp {
    int start = at;
    at++;
    ws();
    if (peek() != '"') {
      at = start;
      return false;
    }
    plainString();
    int urlFrom = strFrom;
    int urlTo = strTo;
    ws();
    long offset = 0;
    long length = ChunkRef.WHOLE_FILE;
    if (peek() == ',') {
      at++;
      ws();
      offset = plainLong();
      ws();
      if (offset < 0 || peek() != ',') {
        at = start;
        return false;
      }
      at++;
      ws();
      length = plainLong();
      ws();
      if (length < 0) {
        at = start;
        return false;
      }
    }
    if (peek() != ']') {
      at = start;
      return false;
    }
    at++;
    builder.putRawRange(b, keyFrom, keyTo, urlId(urlFrom, urlTo), offset, length);
    return true;
  }

  private int urlId(int from, int to) {
    if (lastUrlFrom < 0 || !Arrays.equals(b, from, to, b, lastUrlFrom, lastUrlTo)) {
      lastUrlId = builder.rawUrlId(ascii(from, to));
      lastUrlFrom = from;
      lastUrlTo = to;
    }
    return lastUrlId;
  }

  /**
   * A JSON string of printable ASCII without escapes: its content's bounds (and where its last
   * {@code /}-separated segment starts) go to {@link #strFrom}, {@link #strTo}, {@link #strSegment};
   * the position moves past the closing quote. Anything else gives up.
   */
  private void plainString() throws GiveUp {
    expect('"');
    int from = at;
    int segment = at;
    while (at < end) {
      byte c = b[at];
      if (c == '"') {
        strFrom = from;
        strTo = at++;
        strSegment = segment;
        return;
      }
      if (c == '\\' || c < 0x20) { // also every byte >= 0x80 (negative): not plain ASCII
        throw GIVE_UP;
      }
      if (c == '/') {
        segment = at + 1;
      }
      at++;
    }
    throw GIVE_UP;
  }

  /** A non-negative integer of at most 18 digits, no leading zero; -1 (position kept) otherwise. */
  private long plainLong() {
    int from = at;
    long v = 0;
    while (at < end && b[at] >= '0' && b[at] <= '9' && at - from < 18) {
      v = v * 10 + (b[at] - '0');
      at++;
    }
    int n = at - from;
    boolean ok = n > 0 && !(n > 1 && b[from] == '0')
        && (at >= end || (b[at] != '.' && b[at] != 'e' && b[at] != 'E' && (b[at] < '0' || b[at] > '9')));
    if (!ok) {
      at = from;
      return -1;
    }
    return v;
  }

  /** Moves past one JSON value (its syntax is checked by whoever parses its slice). */
  private void skipValue() throws GiveUp {
    byte c = peek();
    if (c == '"') {
      skipString();
      return;
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (at < end) {
        c = b[at];
        if (c == '"') {
          skipString();
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
          if (depth == 0) {
            at++;
            return;
          }
        }
        at++;
      }
      throw GIVE_UP;
    }
    int from = at;
    while (at < end) {
      c = b[at];
      if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        break;
      }
      at++;
    }
    if (at == from || at >= end) {
      throw GIVE_UP;
    }
  }

  /**
   * Gives up unless {@code b[from, to)} is valid UTF-8: Jackson's byte parser is lenient where
   * the streaming parser's decoder reports malformed input.
   */
  private void checkUtf8(int from, int to) throws GiveUp {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        try {
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
        } catch (CharacterCodingException e) {
          throw GIVE_UP;
        }
        return;
      }
    }
  }

  private void skipString() throws GiveUp {
    at++;
    while (at < end) {
      byte c = b[at++];
      if (c == '\\') {
        at++;
      } else if (c == '"') {
        return;
      }
    }
    throw GIVE_UP;
  }

  private void ws() {
    while (at < end) {
      byte c = b[at];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  private byte peek() throws GiveUp {
    if (at >= end) {
      throw GIVE_UP;
    }
    return b[at];
  }

  private void expect(char c) throws GiveUp {
    if (peek() != c) {
      throw GIVE_UP;
    }
    at++;
  }

  private String ascii(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.US_ASCII);
  }
}
