package org.lente.store;

import java.util.List;

/**
 * An article as a listing shows it.
 *
 * @param title nullable, like {@code url}, {@code published} (ISO-8601 as the page gives it),
 *     {@code language} and {@code source}
 * @param snippet the standfirst, else the start of the first paragraph, as plain text of at most
 *     {@link #SNIPPET_CHARS} characters; null when the article has neither
 */
public record ArticleSummary(long id, String title, String url, String published, String language, SourceRef source,
    List<AuthorRef> authors, String snippet) {

  /** The longest snippet, in characters. */
  public static final int SNIPPET_CHARS = 300;

  public ArticleSummary {
    if (id <= 0) {
      throw new IllegalArgumentException("bad article id: " + id);
    }
    authors = List.copyOf(authors);
    if (snippet != null && snippet.length() > SNIPPET_CHARS) {
      throw new IllegalArgumentException("snippet longer than " + SNIPPET_CHARS + ": " + snippet.length());
    }
  }
}
