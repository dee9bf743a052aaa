package org.lindi.rfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lindi.error.LindiFormatException;

/** SPEC section 3: {@code {{name}}} in a url is replaced by plain substitution. */
@Timeout(5)
class TemplatesTest {
  private static final Templates T = Templates.of(ordered(
      "u1", ".", "h5", "https://dandiarchive.s3.amazonaws.com/blobs/abc", "x", "a{{b}}"));

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @ParameterizedTest
  @CsvSource({
      "{{u1}}, .",
      "{{ u1 }}, .",
      "{{h5}}/file.nwb, https://dandiarchive.s3.amazonaws.com/blobs/abc/file.nwb",
      "pre{{u1}}mid{{u1}}post, pre.mid.post",
      "plain.h5, plain.h5",
      "{{x}}, a{{b}}"})
  void substitutesEveryPlaceholderOnce(String url, String expected) {
    assertEquals(expected, T.substitute(url));
  }

  @Test
  void anUndefinedNameIsAFormatErrorNamingIt() {
    LindiFormatException e = assertThrows(LindiFormatException.class, () -> T.substitute("{{u2}}"));
    assertTrue(e.getMessage().contains("u2"), e.getMessage());
  }

  @Test
  void anUnclosedPlaceholderIsAFormatError() {
    assertThrows(LindiFormatException.class, () -> T.substitute("{{u1"));
  }

  @ParameterizedTest
  @CsvSource({
      ".,  .",
      "https://dandiarchive.s3.amazonaws.com/blobs/abc, {{h5}}",
      "https://dandiarchive.s3.amazonaws.com/blobs/abc/f.nwb, {{h5}}/f.nwb",
      "other.h5, other.h5"})
  void shortenUsesATemplateOnlyWhenThatIsShorter(String url, String expected) {
    assertEquals(expected, T.shorten(url));
    assertEquals(url, T.substitute(T.shorten(url)));
  }

  @Test
  void equalsByContent() {
    assertEquals(Templates.of(Map.of("a", "b")), Templates.of(Map.of("a", "b")));
    assertEquals(Templates.NONE, Templates.of(Map.of()));
  }
}
