package org.lindi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The urlRewrite option (SPEC 6): prefix=replacement pairs, longest prefix first. */
@Timeout(10)
class UrlRewriteTest {
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(value = {
      "https://dandiarchive.s3.amazonaws.com/=s3a://dandiarchive/"
          + "|https://dandiarchive.s3.amazonaws.com/blobs/1/2|s3a://dandiarchive/blobs/1/2",
      "a/=x/,a/b/=y/|a/b/c|y/c",
      "a/b/=y/,a/=x/|a/b/c|y/c",
      "a/b/=y/,a/=x/|a/c|x/c",
      "a/=x/|b/a/c|b/a/c",
      " a/ = x/ , |a/c|x/c",
      // split at the first '=': a query string survives in the replacement
      "https://h/=https://mirror/?sig=abc&x=|https://h/f|https://mirror/?sig=abc&x=f",
      "a/=|a/c|c",
      "|a/c|a/c",
  }, delimiter = '|')
  void appliesTheLongestMatchingPrefix(String option, String url, String expected) {
    assertEquals(expected, UrlRewrite.parse(option).apply(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-equals-sign", "=s3a://x/", "a=b,oops"})
  void rejectsPairsWithoutPrefix(String option) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UrlRewrite.parse(option));
    assertTrue(e.getMessage().contains("prefix=replacement"), e.getMessage());
  }

  @Test
  void blankMeansNone() {
    assertEquals(UrlRewrite.NONE, UrlRewrite.parse(null));
    assertEquals(UrlRewrite.NONE, UrlRewrite.parse("  "));
    assertTrue(UrlRewrite.parse(" , ").isEmpty());
  }

  @Test
  void rewritesOnce() {
    assertEquals("b/b/x", UrlRewrite.parse("a/=b/,b/=c/").apply("a/b/x"));
  }
}
