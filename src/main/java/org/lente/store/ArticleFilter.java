package org.lente.store;

import java.time.LocalDate;
import org.lente.nlp.Analysis;

/**
 * Which articles to list; each field null for any. {@code from} and {@code to} are inclusive, on
 * the publication day (articles without a date are left out when either is given).
 *
 * @param sourceId the site's id ({@link SourceRef#id()})
 * @param authorId an author's id ({@link AuthorRef#id()})
 * @param entityId a knowledge-base entity's id ({@link EntityRef#id()}) the article must mention
 * @param language a language code or tag, compared as {@link Analysis#languageCode} with each article's
 *     {@link Analysis#textLanguage()}
 */
public record ArticleFilter(Long sourceId, Long authorId, Long entityId, String language, LocalDate from,
    LocalDate to) {

  /** Every article. */
  public static final ArticleFilter ALL = new ArticleFilter(null, null, null, null, null, null);

  public ArticleFilter {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("empty period: " + from + " to " + to);
    }
    language = Analysis.languageCode(language);
  }

  public ArticleFilter withEntity(long id) {
    return new ArticleFilter(sourceId, authorId, id, language, from, to);
  }

  public ArticleFilter withSource(long id) {
    return new ArticleFilter(id, authorId, entityId, language, from, to);
  }

  public ArticleFilter withAuthor(long id) {
    return new ArticleFilter(sourceId, id, entityId, language, from, to);
  }
}
