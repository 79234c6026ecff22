package org.lente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void onlyHttpAndHttpsUrlsAreLinks() {
    assertEquals("https://example.org/a?b=c", Html.httpUrl(" https://example.org/a?b=c "));
    assertEquals("HTTP://example.org/", Html.httpUrl("HTTP://example.org/"));
    assertNull(Html.httpUrl("javascript:alert(1)"));
    assertNull(Html.httpUrl("JaVaScRiPt:alert(1)"));
    assertNull(Html.httpUrl("data:text/html,<script>alert(1)</script>"));
    assertNull(Html.httpUrl("//example.org/x"));
    assertNull(Html.httpUrl("/articles/1"));
    assertNull(Html.httpUrl("https://exa mple.org/\"onmouseover=\"x"));
    assertNull(Html.httpUrl(null));
  }
}
