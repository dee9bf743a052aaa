package org.lindi.rfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link RfsParser} for a document of up to 256 MB: scans its bytes and takes the common
 * refs, {@code "key": ["url", offset, length]} with plain ASCII key and url, straight into the
 * builder's columns (no String per key, no UTF-16 decoding); every other value (metadata objects,
 * inline strings, top-level members) is handed to the Jackson parser as its byte slice. It gives up
 * (returns null) on anything it does not take exactly as written, errors included: the streaming
 * parser then reads the document again and reports what is wrong, as before.
 *
 * <p>A document read from a {@link DocumentSource} is scanned through a window of 1 MB that
 * moves on between entries (grown while one entry does not fit): the document is never whole in
 * memory, where tens of MB of fresh heap cost more to touch than the scan itself. An entry is
 * taken only once it lies whole inside the window, so the result is that of the whole document.
 */
final class RfsScanner {
  /** Window size for a document read from a source. */
  static final int WINDOW = 1 << 20;
  /** Unscanned bytes left in the window below which the next ref moves the window on. */
  private static final int REFILL = 1 << 16;

  private byte[] b;
  private int end;
  private final String file;
  private final ReferenceFileSystem.Builder builder;
  private int at;
  /** Where the document's bytes come from past the window; null for a document in memory. */
  private final DocumentSource source;
  /** Position in the document of the first byte not yet read into the window. */
  private long next;
  private final long length;
  /** Whether the window holds the document's last byte (always, for a document in memory). */
  private boolean eof;
  /** {@link #REFILL}, or a quarter of a smaller window (which would otherwise grow at every ref). */
  private int refillBelow;
  /** The previous range ref's url (a copy: the window moves): consecutive refs usually share it. */
  private byte[] lastUrl;
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
    this.source = null;
    this.length = to - from;
    this.eof = true;
  }

  private RfsScanner(DocumentSource source, int window, String file) {
    this.source = source;
    this.length = source.length();
    this.b = new byte[(int) Math.min(length, Math.max(window, 16))];
    this.refillBelow = Math.min(REFILL, b.length / 4);
    this.file = file;
    this.builder = ReferenceFileSystem.builder().source(file);
    this.eof = length == 0;
  }

  /** The RFS of {@code bytes[from, to)}, or null when the streaming parser must read it. */
  static ReferenceFileSystem tryParse(byte[] bytes, int from, int to, String file) {
    return new RfsScanner(bytes, from, to, file).parse();
  }

  /**
   * The RFS of the document of {@code source}, scanned through a window of about {@code window}
   * bytes, or null when the streaming parser must read it (a failed read of the source included).
   */
  static ReferenceFileSystem tryParse(DocumentSource source, int window, String file) {
    if (source.length() > Integer.MAX_VALUE - 16) {
      return null;
    }
    return new RfsScanner(source, window, file).parse();
  }

  private ReferenceFileSystem parse() {
    try {
      document();
      return builder.build();
    } catch (GiveUp | IOException | RuntimeException e) {
      return null;
    }
  }

  private void document() throws GiveUp, IOException {
    if (next() != '{') {
      throw GIVE_UP;
    }
    boolean sawRefs = false;
    if (peekNext() != '}') {
      while (true) {
        String field = fieldName();
        if (field.equals("refs")) {
          refs();
          sawRefs = true;
        } else {
          topLevelValue(field);
        }
        if (peekNext() == ',') {
          at++;
          continue;
        }
        break;
      }
    }
    if (next() != '}') {
      throw GIVE_UP;
    }
    if (!sawRefs) {
      throw GIVE_UP;
    }
    // only NUL bytes and whitespace may follow (container padding)
    do {
      for (; at < end; at++) {
        byte c = b[at];
        if (c != 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          throw GIVE_UP;
        }
      }
    } while (more());
  }

  /** A top-level member's name and its colon; the position moves to its value. */
  private String fieldName() throws GiveUp, IOException {
    while (true) {
      int mark = at;
      try {
        ws();
        plainString();
        String field = ascii(strFrom, strTo);
        ws();
        expect(':');
        ws();
        return field;
      } catch (GiveUp e) {
        retryFrom(mark, e);
      }
    }
  }

  /** A top-level member other than {@code refs}, its value at the position. */
  private void topLevelValue(String field) throws GiveUp, IOException {
    while (true) {
      int from = at;
      try {
        skipValue();
        checkUtf8(from, at);
        RfsParser.topLevelMember(field, b, from, at, builder, file);
        return;
      } catch (GiveUp e) {
        retryFrom(from, e);
      }
    }
  }

  private void refs() throws GiveUp, IOException {
    if (next() != '{') {
      throw GIVE_UP;
    }
    if (peekNext() == '}') {
      at++;
      return;
    }
    // room for the refs of a document of this size, so that the columns do not grow by copies
    int guess = (int) Math.min(Integer.MAX_VALUE - 16, unscanned() / 48);
    builder.reserveRefs(guess, (long) guess * 14);
    while (true) {
      if (!eof && end - at < refillBelow) {
        more(); // between entries: nothing before the position is needed any more
      }
      ws();
      int taken = sameUrlRange();
      if (taken == LAST) {
        return;
      }
      if (taken == TAKEN) {
        continue;
      }
      entry();
      byte c = next();
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw GIVE_UP;
      }
    }
  }

  /** One ref of any form at the position (not its separator), into the builder. */
  private void entry() throws GiveUp, IOException {
    while (true) {
      int mark = at;
      try {
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
        return;
      } catch (GiveUp e) {
        retryFrom(mark, e);
      }
    }
  }

  /**
   * After a scan from {@code mark} ran into {@code e}: when the window does not yet hold the
   * document's end, moves it on from {@code mark} (the scan then starts again there, over more
   * bytes); otherwise {@code e} stands. Every scan puts into the builder only as its last step, so
   * a scan started again puts nothing twice.
   */
  private void retryFrom(int mark, GiveUp e) throws GiveUp, IOException {
    if (eof) {
      throw e;
    }
    at = mark;
    more();
  }

  /**
   * Moves the window on: keeps its bytes from the position (at the window's start, in a window
   * twice as large when they fill half of it) and reads the document's next bytes after them.
   * False, with nothing changed, when the window already holds the document's end.
   */
  private boolean more() throws IOException {
    if (eof) {
      return false;
    }
    int keep = end - at;
    if (keep > b.length / 2) {
      // b is shorter than the document here (else it would hold all of it), so this is longer
      byte[] larger = new byte[(int) Math.min(length, 2L * b.length)];
      System.arraycopy(b, at, larger, 0, keep);
      b = larger;
      refillBelow = Math.min(REFILL, b.length / 4);
    } else {
      System.arraycopy(b, at, b, 0, keep);
    }
    at = 0;
    end = keep;
    int n = (int) Math.min(b.length - end, length - next);
    source.read(next, b, end, n);
    next += n;
    end += n;
    eof = next == length;
    return true;
  }

  /** Bytes of the document from the position on. */
  private long unscanned() {
    return (end - at) + (length - (source == null ? length : next));
  }

  /** The next byte that is not whitespace, consumed; the window moves on when needed. */
  private byte next() throws GiveUp, IOException {
    byte c = peekNext();
    at++;
    return c;
  }

  /** The next byte that is not whitespace, the position moved to it; the window moves on when needed. */
  private byte peekNext() throws GiveUp, IOException {
    while (true) {
      ws();
      if (at < end) {
        return b[at];
      }
      if (!more()) {
        throw GIVE_UP;
      }
    }
  }

  /** {@link #sameUrlRange} results: not taken, taken with more refs after it, the last ref taken. */
  private static final int NOT_TAKEN = 0;
  private static final int TAKEN = 1;
  private static final int LAST = 2;

  /**
   * The bulk of a large document in one pass over locals: a chunk key whose value is
   * {@code ["url", offset, length]} with the url of the previous range ref, followed by its
   * separator (a comma, or the brace closing the refs), put into the builder and the position
   * moved past the separator. {@link #NOT_TAKEN} (position unchanged) for anything else, which the
   * general path below then reads with the same rules.
   */
  private int sameUrlRange() {
    final byte[] b = this.b;
    final int end = this.end;
    final byte[] lastUrl = this.lastUrl;
    int i = at;
    if (lastUrl == null || i >= end || b[i] != '"') {
      return NOT_TAKEN;
    }
    int keyFrom = ++i;
    int segment = i;
    while (true) {
      if (i >= end) {
        return NOT_TAKEN;
      }
      byte c = b[i];
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < 0x20) { // also every byte >= 0x80: not plain ASCII
        return NOT_TAKEN;
      }
      if (c == '/') {
        segment = i + 1;
      }
      i++;
    }
    int keyTo = i++;
    if (keyTo - segment >= 2 && b[segment] == '.' && b[segment + 1] == 'z') {
      return NOT_TAKEN;
    }
    i = skipWs(b, i, end);
    if (i >= end || b[i] != ':') {
      return NOT_TAKEN;
    }
    i = skipWs(b, i + 1, end);
    if (i >= end || b[i] != '[') {
      return NOT_TAKEN;
    }
    i = skipWs(b, i + 1, end);
    int urlLength = lastUrl.length;
    if (end - i < urlLength + 2 || b[i] != '"' || b[i + 1 + urlLength] != '"'
        || !Arrays.equals(b, i + 1, i + 1 + urlLength, lastUrl, 0, urlLength)) {
      return NOT_TAKEN;
    }
    i = skipWs(b, i + urlLength + 2, end);
    if (i >= end || b[i] != ',') {
      return NOT_TAKEN;
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
      return NOT_TAKEN;
    }
    i = skipWs(b, i, end);
    if (i >= end || b[i] != ',') {
      return NOT_TAKEN;
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
      return NOT_TAKEN;
    }
    i = skipWs(b, i, end);
    if (i >= end || b[i] != ']') {
      return NOT_TAKEN;
    }
    i = skipWs(b, i + 1, end);
    if (i >= end || (b[i] != ',' && b[i] != '}')) {
      return NOT_TAKEN;
    }
    at = i + 1;
    builder.putRawRange(b, keyFrom, keyTo, lastUrlId, offset, length);
    return b[i] == ',' ? TAKEN : LAST;
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
    if (lastUrl == null || !Arrays.equals(b, from, to, lastUrl, 0, lastUrl.length)) {
      lastUrlId = builder.rawUrlId(ascii(from, to));
      lastUrl = Arrays.copyOfRange(b, from, to);
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
