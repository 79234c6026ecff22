package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RawTextTest {

  @Test
  void scriptsStylesAndSvgAreCutOut() {
    assertEquals("<p>a</p><p>b</p><p>c</p><p>d</p>", RawText.strip(
        "<p>a</p><script>var x = '<p>no</p>';</script><p>b</p><STYLE media=x>p{}</style>"
            + "<p>c</p><svg viewBox='0 0 1 1'><path d='M0'/></svg><p>d</p>"));
  }

  @Test
  void jsonLdScriptsStay() {
    String html = "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>";
    assertEquals(html, RawText.strip(html));
  }

  @Test
  void aScriptEndsAtTheFirstClosingScriptTagWhateverItHolds() {
    assertEquals("<p>x</p><p>after</p>",
        RawText.strip("<p>x</p><script>document.write('<div></div>');</script ><p>after</p>"));
  }

  @Test
  void aScriptTagInsideACommentIsNotAScript() {
    String html = "<!-- <script> --><p>kept</p><!-- </script> -->";
    assertEquals(html, RawText.strip(html));
  }

  @Test
  void aScriptWithNoEndTagIsLeftToTheParser() {
    String html = "<p>text</p><script>unterminated";
    assertSame(html, RawText.strip(html));
  }

  @Test
  void elementsWhoseNamesOnlyStartLikeScriptAreKept() {
    String html = "<scripture>psalm</scripture><styled>x</styled><svgx>y</svgx>";
    assertEquals(html, RawText.strip(html));
  }
}
