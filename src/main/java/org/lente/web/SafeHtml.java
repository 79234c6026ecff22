package org.lente.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.util.Objects;
import org.lente.html.Escape;

/**
 * HTML built by this package's writers, which escape every piece of text they are given: a
 * template writes it as it is. Never make one from stored or request text directly; use
 * {@link #text(String)}, which escapes.
 */
public record SafeHtml(String html) implements Content {

  public static final SafeHtml EMPTY = new SafeHtml("");

  public SafeHtml {
    Objects.requireNonNull(html, "html");
  }

  /** Plain text, escaped. */
  public static SafeHtml text(String text) {
    return new SafeHtml(Escape.html(text));
  }

  @Override
  public void writeTo(TemplateOutput output) {
    output.writeContent(html);
  }

  @Override
  public boolean isEmptyContent() {
    return html.isEmpty();
  }

  @Override
  public String toString() {
    return html;
  }
}
