package org.lente.extract;

import java.util.Set;
import org.jsoup.nodes.Element;

/** Which elements start a block of text, and which are page furniture. */
final class Blocks {

  static final Set<String> BLOCK_TAGS = Set.of(
      "html", "body", "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
      "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote",
      "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "form", "fieldset", "address", "hr",
      "center", "details", "summary", "hgroup", "legend", "picture");

  private Blocks() {}

  static boolean isBlock(Element e) {
    return BLOCK_TAGS.contains(e.normalName());
  }

  static boolean isHeading(Element e) {
    String n = e.normalName();
    return n.length() == 2 && n.charAt(0) == 'h' && n.charAt(1) >= '1' && n.charAt(1) <= '6';
  }
}
