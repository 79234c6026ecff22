package org.lente.cli;

import java.time.LocalDate;
import org.lente.extract.Article;

/**
 * The user's {@code --date}: the publication date, with {@code dateSource} {@value #OPTION}, of an
 * article that has none after extraction (the page's own date, its dateline, its URL or path: see
 * {@link org.lente.extract.Extractor}). Thread-safe.
 */
final class PublicationDates {

  static final String OPTION = "option";

  private final LocalDate option;

  /** @param option the date for articles with no other date (the user's {@code --date}), or null */
  PublicationDates(LocalDate option) {
    this.option = option;
  }

  /** {@code article}, dated with the option when it has no date and there is an option. */
  Article fill(Article article) {
    return article.published() != null || option == null ? article : article.withPublished(option.toString(), OPTION);
  }
}
