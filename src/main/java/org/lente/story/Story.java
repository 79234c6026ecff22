package org.lente.story;

import java.util.List;
import java.util.Objects;

/**
 * Articles that report the same news, across outlets and languages.
 *
 * @param title the headline of the story's first article
 * @param first the earliest publication date-time of its articles (ISO-8601), or null when none has one
 * @param last the latest, or null
 * @param articles article ids, in the order they joined
 * @param keyEntities the names that weigh most in the story, heaviest first
 * @param quotes quotes of its articles as "speaker: text", at most {@value #MAX_QUOTES}
 * @param timeline the articles by publication time, undated ones last
 */
public record Story(long id, String title, String first, String last, List<Long> articles, List<String> sources,
    List<String> languages, List<String> keyEntities, List<String> quotes, List<Event> timeline) {

  /** Quotes kept per story. */
  public static final int MAX_QUOTES = 20;

  /** One article on the timeline. */
  public record Event(String published, long article, String title) {
  }

  public Story {
    Objects.requireNonNull(title, "title");
    articles = List.copyOf(articles);
    sources = List.copyOf(sources);
    languages = List.copyOf(languages);
    keyEntities = List.copyOf(keyEntities);
    quotes = List.copyOf(quotes);
    timeline = List.copyOf(timeline);
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("story " + id + " has no article");
    }
  }
}
