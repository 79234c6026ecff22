package org.lente.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.lente.index.SearchHits;
import org.lente.index.SearchQuery;

/**
 * What the search page shows: the form, the hits with their highlighted snippets, and the facets
 * as links that add or remove a filter; {@code hits.next()} is the following page's cursor.
 *
 * @param cursor the cursor that gave this page, or null for the first page
 * @param hits the result, or null when nothing was searched or the search failed
 * @param error why the search could not run, or null
 */
public record SearchPage(SearchForm form, String cursor, SearchHits hits, List<Hit> items, List<Facet> facets,
    String error) {

  /** One hit with its snippet made safe: only {@code <b>} survives, everything else is text. */
  public record Hit(long id, String title, String source, String published, String language, SafeHtml snippet) {}

  /** A facet with its values. */
  public record Facet(String name, List<Value> values) {}

  /** A facet value, its count, whether it is a filter now, and the link that toggles it. */
  public record Value(String value, long count, boolean active, String href) {}

  private static final Safelist ONLY_BOLD = Safelist.none().addTags("b");

  /** The page of nothing searched: only the form. */
  public static SearchPage blank(SearchForm form) {
    return new SearchPage(form, null, null, List.of(), List.of(), null);
  }

  /** The page {@code cursor} (null: the first) of {@code form}'s search, whose result is {@code hits}. */
  public static SearchPage of(SearchForm form, String cursor, SearchHits hits) {
    List<Hit> items = new ArrayList<>();
    for (SearchHits.Hit h : hits.hits()) {
      items.add(new Hit(h.id(), h.title(), h.source(), h.published(), h.language(), snippet(h.snippet())));
    }
    List<Facet> facets = new ArrayList<>();
    for (String name : SearchQuery.FACETS) {
      Map<String, Long> counts = hits.facets().get(name);
      if (counts == null || counts.isEmpty()) {
        continue;
      }
      List<Value> values = new ArrayList<>();
      counts.entrySet().stream().limit(12).forEach(e -> {
        boolean active = form.has(name, e.getKey());
        SearchForm next = active ? form.without(name, e.getKey()) : withOrSame(form, name, e.getKey());
        values.add(new Value(e.getKey(), e.getValue(), active, next.href("/search")));
      });
      facets.add(new Facet(name, values));
    }
    return new SearchPage(form, cursor, hits, items, facets, null);
  }

  /** The first page of a search that could not run, saying why. */
  public static SearchPage failed(SearchForm form, String error) {
    return new SearchPage(form, null, null, List.of(), List.of(), error);
  }

  /** The highlighter's snippet (escaped text with {@code <b>} around matches) with nothing else kept. */
  static SafeHtml snippet(String html) {
    if (html == null || html.isEmpty()) {
      return SafeHtml.EMPTY;
    }
    return new SafeHtml(Jsoup.clean(html, ONLY_BOLD));
  }

  private static SearchForm withOrSame(SearchForm form, String name, String value) {
    try {
      return form.with(name, value);
    } catch (IllegalArgumentException e) {
      return form;
    }
  }
}
