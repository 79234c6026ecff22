package org.lente.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EscapeTest {

  @Test
  void escapeCoversTextAndBothQuotes() {
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", Escape.html("<a href=\"x\" title='y'>&"));
  }

  @Test
  void controlCharactersAndLoneSurrogatesAreDropped() {
    assertEquals("ab\ncd😀", Escape.html("a\u0000b\n\u0007c\uD800d\uD83D\uDE00"));
  }

  @Test
  void tabsNewlinesAndCarriageReturnsStay() {
    assertEquals("a\tb\r\nc", Escape.html("a\tb\r\nc\u007f"));
  }

  @Test
  void nullIsTheEmptyString() {
    assertEquals("", Escape.html(null));
  }

  @Test
  void aRangeIsEscapedAlone() {
    StringBuilder sb = new StringBuilder("<b>");
    Escape.appendHtml(sb, "x<y>&z", 1, 5);
    assertEquals("<b>&lt;y&gt;&amp;", sb.toString());
  }

  @Test
  void aRangeThatSplitsASurrogatePairDropsItsHalf() {
    StringBuilder sb = new StringBuilder();
    Escape.appendHtml(sb, "a😀b", 0, 2);
    assertEquals("a", sb.toString());
  }

  @Test
  void aRangeOutsideTheTextIsRefused() {
    assertThrows(IndexOutOfBoundsException.class, () -> Escape.appendHtml(new StringBuilder(), "abc", 2, 4));
  }
}
