package org.lindi.rfs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;

/**
 * Streaming parser of an RFS JSON document ({@code version}, {@code templates},
 * {@code generationMetadata}, {@code refs}) straight into the compact {@link ReferenceFileSystem}:
 * no tree of the whole document is built. After the root object only NUL bytes and whitespace may
 * follow (lindi1 and tar containers pad the document). Jackson reads characters here: its byte
 * parser interns field names in a table that degrades past ~100k distinct keys. Documents that fit
 * in memory are first tried by {@link RfsScanner}, which takes the common range refs from the
 * bytes about three times faster; this parser reads whatever the scanner gives back.
 */
public final class RfsParser {
  private static final String BASE64_PREFIX = "base64:";
  private static final int TRAILER_BUFFER = 1 << 16;
  /** Documents up to this size are read into memory and scanned by {@link RfsScanner}. */
  public static final int IN_MEMORY_LIMIT = 256 << 20;
  private static final int FAST_LIMIT = IN_MEMORY_LIMIT;
  private static final int READ_SLICE = 4 << 20;

  private final JsonParser p;
  private final Reader rest;
  private final String file;
  private final ReferenceFileSystem.Builder builder;
  /** The ref key being parsed, for error messages. */
  private String key;
  /** The url of the previous range ref: consecutive refs usually share it. */
  private String lastUrl;
  private int lastUrlId;

  private RfsParser(JsonParser p, Reader rest, String file) {
    this(p, rest, file, ReferenceFileSystem.builder().source(file));
  }

  private RfsParser(JsonParser p, Reader rest, String file, ReferenceFileSystem.Builder builder) {
    this.p = p;
    this.rest = rest;
    this.file = file;
    this.builder = builder;
  }

  /**
   * Parses the document from a stream, reading it to its end (the stream is not closed).
   *
   * @param displayName the file named in error messages
   * @throws LindiFormatException on a truncated or malformed document, naming the file and key
   * @throws IOException when reading the stream fails
   */
  public static ReferenceFileSystem parse(InputStream in, String displayName) throws IOException {
    // Documents up to FAST_LIMIT are read whole and scanned as bytes; the streaming parser below
    // reads the rest, and any document the scanner does not take as it is (errors included).
    byte[] head = new byte[1 << 20];
    int n = 0;
    for (int r = 0; r >= 0 && n < FAST_LIMIT; n += r) {
      if (n == head.length) {
        head = Arrays.copyOf(head, Math.min(FAST_LIMIT, head.length * 2));
      }
      // slices of a few MB: a local file's read goes through a native buffer of the read's size,
      // and one of tens of MB costs ten times the copy (fresh pages on every read)
      r = in.read(head, n, Math.min(READ_SLICE, head.length - n));
      if (r < 0) {
        break;
      }
    }
    if (n < FAST_LIMIT) {
      ReferenceFileSystem fast = RfsScanner.tryParse(head, 0, n, displayName);
      if (fast != null) {
        return fast;
      }
      return streaming(new ByteArrayInputStream(head, 0, n), displayName);
    }
    return streaming(new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in), displayName);
  }

  /**
   * Parses the document of {@code source}, at most {@link #IN_MEMORY_LIMIT} bytes: the scanner reads
   * it through a window (the document is never whole in memory); a document it does not take as it
   * is (errors included) is then read whole and parsed as {@link #parse(byte[], int, int, String)}
   * does.
   *
   * @param displayName the file named in error messages
   * @throws LindiFormatException on a truncated or malformed document, naming the file and key
   * @throws IOException when reading the source fails
   */
  public static ReferenceFileSystem parse(DocumentSource source, String displayName)
      throws IOException {
    if (source.length() > IN_MEMORY_LIMIT) {
      throw new IllegalArgumentException("an RFS document of " + source.length()
          + " bytes, more than " + IN_MEMORY_LIMIT + " (parse it from a stream)");
    }
    ReferenceFileSystem fast = RfsScanner.tryParse(source, RfsScanner.WINDOW, displayName);
    if (fast != null) {
      return fast;
    }
    byte[] doc = new byte[(int) source.length()];
    source.read(0, doc, 0, doc.length);
    return parse(doc, 0, doc.length, displayName);
  }

  /** The streaming parser alone (the reference the scanner is held to). */
  static ReferenceFileSystem streaming(InputStream in, String displayName) throws IOException {
    // Our own strict decoder: the parser's Reader must not buffer bytes past what it hands over,
    // or the padding check after the root object could not see them.
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    try (JsonParser p = RfsJson.factory().createParser(reader)) {
      return new RfsParser(p, reader, displayName).document();
    } catch (CharacterCodingException e) {
      throw new LindiFormatException("the RFS document is not valid UTF-8: " + e,
          displayName == null ? ErrorContext.EMPTY : ErrorContext.ofFile(displayName), e);
    }
  }

  /** Parses {@code bytes[offset, offset + length)}; see {@link #parse(InputStream, String)}. */
  public static ReferenceFileSystem parse(byte[] bytes, int offset, int length,
      String displayName) {
    ReferenceFileSystem fast = RfsScanner.tryParse(bytes, offset, offset + length, displayName);
    if (fast != null) {
      return fast;
    }
    try {
      return streaming(new ByteArrayInputStream(bytes, offset, length), displayName);
    } catch (IOException e) {
      throw new UncheckedIOException("reading an in-memory RFS document", e);
    }
  }

  private ReferenceFileSystem document() throws IOException {
    try {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw error("empty RFS document");
      }
      if (t != JsonToken.START_OBJECT) {
        throw error("the RFS document is not a JSON object (starts with " + t + ")");
      }
      boolean sawRefs = false;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("refs")) {
          refs();
          sawRefs = true;
        } else {
          field(field);
        }
      }
      if (!sawRefs) {
        throw error("the RFS document has no \"refs\" object");
      }
      checkTrailer();
    } catch (JsonEOFException e) {
      throw error("truncated RFS document: " + e.getOriginalMessage() + at(e), e);
    } catch (StreamConstraintsException e) {
      throw error("RFS document exceeds a safety limit: " + e.getOriginalMessage() + at(e), e);
    } catch (JsonProcessingException e) {
      throw error("invalid RFS JSON: " + e.getOriginalMessage() + at(e), e);
    }
    return builder.build();
  }

  /** A top-level member other than {@code refs}, its value the current token. */
  private void field(String field) throws IOException {
    switch (field) {
      case "version":
        builder.version(intValue("version"));
        break;
      case "templates":
        builder.templates(templates());
        break;
      case "generationMetadata":
        builder.generationMetadata(p.currentToken() == JsonToken.VALUE_NULL ? null : tree());
        break;
      default:
        p.skipChildren();
    }
  }

  /**
   * For {@link RfsScanner}: the top-level member {@code field} whose JSON value is exactly
   * {@code bytes[from, to)}, into {@code builder}.
   */
  static void topLevelMember(String field, byte[] bytes, int from, int to,
      ReferenceFileSystem.Builder builder, String file) throws IOException {
    try (JsonParser jp = sliceParser(bytes, from, to)) {
      RfsParser slice = new RfsParser(jp, null, file, builder);
      jp.nextToken();
      slice.field(field);
      if (jp.nextToken() != null) {
        throw slice.error("more than one JSON value for \"" + field + "\"");
      }
    }
  }

  /**
   * For {@link RfsScanner}: the ref {@code key} whose JSON value is exactly
   * {@code bytes[from, to)}, into {@code builder}.
   */
  static void ref(String key, byte[] bytes, int from, int to, ReferenceFileSystem.Builder builder,
      String file) throws IOException {
    try (JsonParser jp = sliceParser(bytes, from, to)) {
      RfsParser slice = new RfsParser(jp, null, file, builder);
      slice.key = key;
      slice.ref(jp.nextToken());
      if (jp.nextToken() != null) {
        throw slice.error("more than one JSON value for a ref");
      }
    }
  }

  /**
   * A parser of exactly {@code bytes[from, to)}. The slice is copied: Jackson 2.15 (Spark 3.5's)
   * reads past the end of a short slice of a larger array ("1" of "1,": "Expected space separating
   * root-level values"), so its bounds cannot be trusted; the values scanned this way are small.
   */
  private static JsonParser sliceParser(byte[] bytes, int from, int to) throws IOException {
    return RfsJson.factory().createParser(Arrays.copyOfRange(bytes, from, to));
  }

  private void refs() throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw error("\"refs\" is not a JSON object but " + p.currentToken());
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      key = p.currentName();
      ref(p.nextToken());
    }
    key = null;
  }

  /** The value of ref {@link #key}, whose first token is {@code t}. */
  private void ref(JsonToken t) throws IOException {
    if (t == JsonToken.START_ARRAY) {
      range();
    } else if (t == JsonToken.VALUE_STRING) {
      builder.putInline(key, stringBytes());
    } else if (t == JsonToken.START_OBJECT) {
      builder.putParsedJson(key, tree());
    } else {
      throw error("ref of the wrong shape: " + t
          + "; expected [url, offset, length], [url], a JSON object or a string");
    }
  }

  private void range() throws IOException {
    if (p.nextToken() != JsonToken.VALUE_STRING) {
      throw error("ref of the wrong shape: an array ref must be [url, offset, length] or [url], "
          + "found " + p.currentToken() + " as its first element");
    }
    int urlId = urlId();
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_ARRAY) {
      builder.putRawRange(key, urlId, 0, ChunkRef.WHOLE_FILE);
      return;
    }
    long offset = nonNegativeLong("offset");
    p.nextToken();
    long length = nonNegativeLong("length");
    if (p.nextToken() != JsonToken.END_ARRAY) {
      throw error("ref of the wrong shape: more than 3 elements in [url, offset, length]");
    }
    builder.putRawRange(key, urlId, offset, length);
  }

  private int urlId() throws IOException {
    char[] chars = p.getTextCharacters();
    int from = p.getTextOffset();
    int n = p.getTextLength();
    if (lastUrl != null && lastUrl.length() == n) {
      int i = 0;
      while (i < n && lastUrl.charAt(i) == chars[from + i]) {
        i++;
      }
      if (i == n) {
        return lastUrlId;
      }
    }
    lastUrl = new String(chars, from, n);
    lastUrlId = builder.rawUrlId(lastUrl);
    return lastUrlId;
  }

  private long nonNegativeLong(String what) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw error("ref of the wrong shape: " + what + " of [url, offset, length] is "
          + (t == JsonToken.END_ARRAY ? "missing" : t + ", not an integer"));
    }
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw error("ref " + what + " " + p.getText() + " is too large");
    }
    long v = p.getLongValue();
    if (v < 0) {
      throw error("negative " + what + " " + v + " in [url, offset, length]");
    }
    return v;
  }

  private byte[] stringBytes() throws IOException {
    String text = p.getText();
    if (!text.startsWith(BASE64_PREFIX)) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(text.substring(BASE64_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw error("invalid base64 inline ref: " + e.getMessage(), e);
    }
  }

  private int intValue(String what) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() != JsonParser.NumberType.INT) {
      throw error("\"" + what + "\" is not an integer: " + p.getText());
    }
    return p.getIntValue();
  }

  private Map<String, String> templates() throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw error("\"templates\" is not a JSON object but " + p.currentToken());
    }
    Map<String, String> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw error("template \"" + name + "\" is not a string but " + p.currentToken());
      }
      out.put(name, p.getText());
    }
    return out;
  }

  private JsonNode tree() throws IOException {
    return RfsJson.mapper().readTree(p);
  }

  /** Only NUL bytes and whitespace may follow the root object (container padding). */
  private void checkTrailer() throws IOException {
    long base = p.currentLocation().getCharOffset();
    CharArrayWriter buffered = new CharArrayWriter();
    p.releaseBuffered(buffered);
    char[] chars = buffered.toCharArray();
    checkPadding(chars, chars.length, base);
    long at = base + chars.length;
    char[] buf = new char[TRAILER_BUFFER];
    for (int n = rest.read(buf); n >= 0; n = rest.read(buf)) {
      checkPadding(buf, n, at);
      at += n;
    }
  }

  private void checkPadding(char[] chars, int n, long at) {
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c != 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        throw error("unexpected data after the RFS document at character " + (at + i)
            + " (only NUL bytes and whitespace may follow it)");
      }
    }
  }

  private String at(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset();
  }

  private LindiFormatException error(String reason) {
    return error(reason, null);
  }

  private LindiFormatException error(String reason, Throwable cause) {
    ErrorContext c = ErrorContext.EMPTY.withKey(key);
    return new LindiFormatException(reason, file == null ? c : c.withFile(file), cause);
  }
}
