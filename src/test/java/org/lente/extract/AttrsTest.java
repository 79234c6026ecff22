package org.lente.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class AttrsTest {

  @Test
  void readsWhatAttrReadsWhateverTheCaseInTheMarkup() {
    Element div = Jsoup.parse("<div CLASS=\"Share-Bar\" Role=nav hidden class=\"second\">x</div>").selectFirst("div");

    assertEquals(div.attr("class"), Attrs.get(div, "class"));
    assertEquals("Share-Bar", Attrs.get(div, "class"));
    assertEquals(div.attr("role"), Attrs.get(div, "role"));
    assertTrue(Attrs.has(div, "hidden"));
    assertEquals("", Attrs.get(div, "id"));
  }

  @Test
  void anElementWithoutAttributesHasNone() {
    Element p = Jsoup.parse("<p>x</p>").selectFirst("p");

    assertEquals("", Attrs.get(p, "class"));
    assertFalse(Attrs.has(p, "hidden"));
  }
}
