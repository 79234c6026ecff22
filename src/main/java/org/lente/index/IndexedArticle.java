package org.lente.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.store.StoredArticle;

/**
 * What a search index holds of a stored article, derived once for every index implementation
 * ({@link LuceneIndex}, {@link OpenSearchIndex}), so that both index the same fields.
 *
 * @param group the language group whose analysis the text gets: "it", "en", or "std" for any other or no language
 * @param headings the title and subtitle, those not blank, searched as the title
 * @param source the article's outlet ({@link Article#outlet()}), null when unknown
 * @param language the two-letter language ({@link Analysis#textLanguage()}), null when unknown
 * @param authors the distinct authors, none blank
 * @param entities the distinct canonical names of the entities mentioned, none blank
 * @param types the distinct types (PER, ORG, LOC, MISC) of the entities mentioned
 * @param day the publication date, null when the article has no readable one
 */
record IndexedArticle(long id, int version, String group, String title, List<String> headings, String body,
    String source, String url, String published, String language, List<String> authors, List<String> entities,
    List<String> types, LocalDate day) {

  /** The language groups, each with its analyzer. */
  static final List<String> GROUPS = List.of("it", "en", "std");

  IndexedArticle {
    if (!GROUPS.contains(group)) {
      throw new IllegalArgumentException("unknown language group " + group + " (known: " + GROUPS + ")");
    }
    headings = List.copyOf(headings);
    authors = List.copyOf(authors);
    entities = List.copyOf(entities);
    types = List.copyOf(types);
  }

  static IndexedArticle of(StoredArticle stored) {
    Analysis analysis = stored.analysis();
    Article article = analysis.article();
    String language = analysis.textLanguage();
    String group = language != null && (language.equals("it") || language.equals("en")) ? language : "std";
    List<String> headings = new ArrayList<>();
    for (String heading : new String[] {article.title(), article.subtitle()}) {
      if (heading != null && !heading.isBlank()) {
        headings.add(heading);
      }
    }
    List<String> authors = article.authors().stream().filter(a -> !a.isBlank()).distinct().toList();
    Set<String> names = new LinkedHashSet<>();
    Set<String> types = new LinkedHashSet<>();
    for (Entity entity : analysis.entities()) {
      if (!entity.canonical().isBlank()) {
        names.add(entity.canonical());
      }
      types.add(entity.type().name());
    }
    return new IndexedArticle(stored.id(), stored.version(), group, article.title(), headings, article.text(),
        article.outlet(), article.url(), article.published(), language, authors, List.copyOf(names),
        List.copyOf(types), article.publishedDay());
  }
}
