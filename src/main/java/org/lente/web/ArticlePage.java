package org.lente.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lente.extract.Article;
import org.lente.nlp.Analysis;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;
import org.lente.store.ArticleView;

/**
 * What the article page shows, taken from the stored analysis: the highlighted text, who is quoted,
 * who and what is mentioned, the dates referred to, and the schema.org description.
 *
 * @param original the article's address when it is http(s), else null
 */
public record ArticlePage(ArticleView view, SafeHtml body, SafeHtml jsonLd, List<Speaker> speakers,
    List<MentionGroup> mentioned, List<DateRef> timeline, String original) {

  /** Someone quoted, with what they said in this article. */
  public record Speaker(String name, Long id, List<String> quotes) {}

  /** Entities of one type, most mentioned first. */
  public record MentionGroup(String type, List<Mention> entities) {}

  /** An entity with how often this article mentions it. */
  public record Mention(String name, Long id, int count) {}

  /** A day, month or year the article refers to, with the words it uses for it. */
  public record DateRef(String value, String label, List<String> words) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public Article article() {
    return view.article().analysis().article();
  }

  public Analysis analysis() {
    return view.article().analysis();
  }

  /** The title, or one made for an untitled article ({@link Article#displayTitle}), or "#id". */
  public String title() {
    String title = article().displayTitle();
    return title != null ? title : "#" + view.article().id();
  }

  public static ArticlePage of(ArticleView view, Messages m, String pageUrl) {
    Analysis a = view.shownAnalysis(); // entities' names now, in the article's language
    Map<String, Long> ids = view.shownEntityIds();
    SafeHtml body = ArticleText.render(a, ids, m, "tip");
    return new ArticlePage(view, body, jsonLd(view, pageUrl), speakers(a, ids), mentioned(a, ids),
        timeline(a, m), Html.httpUrl(a.article().url()));
  }

  static List<Speaker> speakers(Analysis a, Map<String, Long> ids) {
    Map<String, List<String>> said = new LinkedHashMap<>();
    for (Quote q : a.quotes()) {
      String who = q.speakerCanonical() != null ? q.speakerCanonical() : q.speaker();
      if (who != null) {
        said.computeIfAbsent(who, k -> new ArrayList<>()).add(q.text());
      }
    }
    List<Speaker> out = new ArrayList<>();
    said.forEach((who, quotes) -> out.add(new Speaker(who, ids.get(who), quotes)));
    out.sort(Comparator.comparingInt((Speaker s) -> -s.quotes().size()));
    return out;
  }

  static List<MentionGroup> mentioned(Analysis a, Map<String, Long> ids) {
    List<MentionGroup> groups = new ArrayList<>();
    for (Entity.Type type : Entity.Type.values()) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Entity e : a.entities()) {
        if (e.type() == type) {
          counts.merge(e.canonical(), 1, Integer::sum);
        }
      }
      if (!counts.isEmpty()) {
        List<Mention> list = new ArrayList<>();
        counts.forEach((name, n) -> list.add(new Mention(name, ids.get(name), n)));
        list.sort(Comparator.comparingInt((Mention x) -> -x.count()).thenComparing(Mention::name));
        groups.add(new MentionGroup(type.name(), list));
      }
    }
    return groups;
  }

  /** The dates (days, months, years) the article refers to, in time order. */
  static List<DateRef> timeline(Analysis a, Messages m) {
    TreeMap<String, List<String>> byValue = new TreeMap<>();
    for (Timex t : a.times()) {
      if (t.type() == Timex.Type.DATE && t.value().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
        List<String> words = byValue.computeIfAbsent(t.value(), k -> new ArrayList<>());
        if (!words.contains(t.text())) {
          words.add(t.text());
        }
      }
    }
    List<DateRef> out = new ArrayList<>();
    byValue.forEach((v, words) -> out.add(new DateRef(v, Times.describe(v, m), words)));
    return out;
  }

  /** The schema.org NewsArticle the page embeds; a null field is left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record NewsArticle(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String headline,
      String description, String datePublished, String dateModified, String inLanguage, String url,
      String mainEntityOfPage, List<Thing> author, Thing publisher) {}

  /** A schema.org Person or Organization by name (null written when unknown). */
  record Thing(@JsonProperty("@type") String type, String name) {}

  /**
   * The schema.org NewsArticle as a JSON-LD script element; {@code <}, {@code >}, {@code &} and the
   * line separators are written as JSON escapes, so no text can close the element.
   */
  static SafeHtml jsonLd(ArticleView view, String pageUrl) {
    Article a = view.article().analysis().article();
    List<Thing> authors = view.authors().stream().map(r -> new Thing("Person", r.name())).toList();
    var o = new NewsArticle("https://schema.org", "NewsArticle", a.title(), a.subtitle(), a.published(), a.modified(),
        view.article().analysis().textLanguage(), Html.httpUrl(a.url()), pageUrl,
        authors.isEmpty() ? null : authors,
        view.source() == null ? null : new Thing("Organization", view.source().outlet()));
    try {
      String json = JSON.writeValueAsString(o).replace("<", "\\u003c").replace(">", "\\u003e")
          .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
      return new SafeHtml("<script type=\"application/ld+json\">" + json + "</script>");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON-LD: " + e.getMessage(), e);
    }
  }
}
