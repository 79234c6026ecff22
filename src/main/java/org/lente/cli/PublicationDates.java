package org.lente.cli;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.lente.extract.Article;
import org.lente.ingest.PathDates;
import org.lente.nlp.time.Lang;
import org.lente.nlp.time.TimeTagger;
import org.lente.nlp.time.Timex;

/**
 * Gives a publication date to an article whose page states none, so that it sorts among the others
 * and its times and mentions are dated. The sources, in order, and the {@code dateSource} each leaves
 * on the article:
 * <ol>
 *   <li>{@value #DATELINE}: the dateline that opens the text ("ROMA, 8 marzo 2011 –",
 *       "WASHINGTON (AP) March 8, 2011 —", "March 01, 2008 Northrop…"), read by the time tagger;
 *   <li>{@value #PATH}: the date in the path of the file it was read from ({@link PathDates});
 *   <li>{@value #OPTION}: the date the user gave ({@code --date}), when there is one.
 * </ol>
 * The page's own date (JSON-LD, meta, time element, URL, a date line under the headline) always
 * wins: an article that has one is returned as it is. Thread-safe.
 */
final class PublicationDates {

  static final String DATELINE = "dateline";
  static final String PATH = "path";
  static final String OPTION = "option";

  /** How far into the text a dateline's date may start: a place and an agency, not a sentence. */
  private static final int DATELINE_REACH = 60;
  /** How much of the text's start is searched for the dateline. */
  private static final int HEAD = 200;
  /**
   * What may stand before a dateline's date: a place, in capitals ("WASHINGTON", "NEW YORK") or ending
   * in a comma ("Roma,"), or any place words followed by an agency in brackets ("Rome (Reuters)").
   */
  private static final Pattern PLACE = Pattern.compile(
      "(\\p{Lu}[\\p{L}\\p{M}.'’-]*(\\s+\\p{L}[\\p{L}\\p{M}.'’-]*){0,3}\\s*(,|\\([^()]{1,40}\\)\\s*[,:–—-]?|\\s[–—-]))"
          + "|[\\p{Lu}\\s.'’-]+");
  /** What may follow a dateline's date: a dash or colon, an agency in brackets, or the first sentence's capital. */
  private static final Pattern AFTER = Pattern.compile("^\\s*,?\\s*([–—:|(-]|\\p{Lu}|\\d|$)");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final TimeTagger tagger = new TimeTagger();
  private final LocalDate option;

  /** @param option the date for articles with no other date (the user's {@code --date}), or null */
  PublicationDates(LocalDate option) {
    this.option = option;
  }

  /** {@code article}, with a publication date from its dateline, path or the option when it had none. */
  Article fill(Article article) {
    if (article.published() != null) {
      return article;
    }
    LocalDate d = dateline(article.text(), article.language());
    if (d != null) {
      return article.withPublished(d.toString(), DATELINE);
    }
    d = PathDates.in(article.source());
    if (d != null) {
      return article.withPublished(d.toString(), PATH);
    }
    return option == null ? article : article.withPublished(option.toString(), OPTION);
  }

  /**
   * The date of the dateline that opens {@code text} in {@code language} (it or en), or null: a full
   * date (day, month and year written out) that starts the text or follows a place, and is followed by
   * a dash, an agency or the first sentence.
   */
  LocalDate dateline(String text, String language) {
    Lang lang = "it".equals(language) ? Lang.IT : "en".equals(language) ? Lang.EN : null;
    if (lang == null || text.isEmpty()) {
      return null;
    }
    String head = text.substring(0, Math.min(text.length(), HEAD));
    int paragraph = head.indexOf("\n\n");
    head = paragraph < 0 ? head : head.substring(0, paragraph);
    for (Timex t : tagger.find(head, lang, (LocalDate) null)) {
      if (t.start() > DATELINE_REACH) {
        break;
      }
      String before = head.substring(0, t.start()).strip();
      if (t.type() == Timex.Type.DATE && DAY.matcher(t.value()).matches()
          && (before.isEmpty() || PLACE.matcher(before).matches())
          && AFTER.matcher(head.substring(t.end())).find()) {
        return LocalDate.parse(t.value());
      }
      break; // the first time expression is the dateline's or there is none
    }
    return null;
  }
}
