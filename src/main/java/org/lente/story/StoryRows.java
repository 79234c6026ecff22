package org.lente.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rows of the story tables for one or more articles, in the state writing them one article after another would leave:
 * what {@link StoryStore#putRows} writes in one transaction, one multi-row statement per table (per
 * {@link org.lente.store.SqlConnections#MAX_ROWS} rows) however many articles they come from. Each row is kept once by
 * its key, the later article's replacing the earlier's, as the upserts one by one would: a story's latest state and
 * centroid ({@code stories}), an article's story ({@code story_articles}), a link's side ({@code links}); the counts
 * of {@code story_terms} are summed; bands and anchor terms are kept by article, and are given once for an article (a
 * held article is new to the store: its postings are all new, so each of its anchor terms counts one article more).
 * Lineage holds them over a batch of the cluster's writer ({@link Lineage#holdWrites}), and serves its later articles'
 * reads of the bands and anchors from them ({@link #bandCandidates}, {@link #anchorCounts}, {@link #anchorArticles}).
 * Not thread-safe: its owner's lock guards it.
 */
public final class StoryRows {

  /** The {@code story_terms} row that counts the articles whose terms were counted: no term is empty. */
  static final String COUNTED = "";

  /** A story as it is after its latest article here, with its centroid; {@code updatedAt} when that article came. */
  record StoryRow(Stories.Saved saved, Instant updatedAt) {
    StoryRow {
      Objects.requireNonNull(saved, "saved");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }
  }

  /** An article's place in its story. */
  record Joined(long story, double score) {
  }

  /**
   * An article's LSH bands, its language {@code ""} when unknown (as stored): each band once, in ascending order (an
   * article's bands are a set: a band given twice is one row of {@code lsh_bands}), so that the bands two articles share
   * are counted by one merge of the two arrays ({@link #shared}).
   */
  record Banded(String language, long[] bands) {
    Banded {
      Objects.requireNonNull(language, "language");
      bands = distinctSorted(Objects.requireNonNull(bands, "bands"));
    }
  }

  /** The distinct values of {@code given} in ascending order, in a new array. */
  static long[] distinctSorted(long[] given) {
    long[] sorted = given.clone();
    java.util.Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return n == sorted.length ? sorted : java.util.Arrays.copyOf(sorted, n);
  }

  /** How many values two arrays of distinct values in ascending order ({@link #distinctSorted}) have in common. */
  static int shared(long[] a, long[] b) {
    int n = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        n++;
        i++;
        j++;
      }
    }
    return n;
  }

  /** An article's distinct anchor terms, its language {@code ""} when unknown (as stored). */
  record Anchored(String language, Set<String> terms) {
    Anchored {
      Objects.requireNonNull(language, "language");
      terms = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(terms));
    }
  }

  /** A story's row whose state is made when it is written: the latest a held article gave. */
  private record Pending(long story, java.util.function.Supplier<Stories.Saved> saved, Instant updatedAt) {
    StoryRow row() {
      Stories.Saved s = Objects.requireNonNull(saved.get(), "saved");
      if (s.story().id() != story) {
        throw new IllegalStateException("story " + story + " held, story " + s.story().id() + " made");
      }
      return new StoryRow(s, updatedAt);
    }
  }

  private final Map<Long, Pending> stories = new LinkedHashMap<>();
  private final Map<Long, Joined> joined = new LinkedHashMap<>();
  private final Map<String, Integer> terms = new LinkedHashMap<>();
  private final Map<List<Long>, Link> sides = new LinkedHashMap<>();
  private final Map<Long, Banded> bands = new LinkedHashMap<>();
  private final Map<Long, Anchored> anchors = new LinkedHashMap<>();

  /**
   * The rows of {@code article} joining {@code story} at {@code score} ({@link StoryStore#putArticle}): the story's
   * state and centroid, the article's place, its terms counted, its links and its bands.
   */
  void article(long article, Stories.Saved story, Collection<String> terms, double score, List<Link> links,
      String language, long[] bands) {
    article(article, story.story().id(), () -> story, terms, score, links, language, bands);
  }

  /**
   * As {@link #article(long, Stories.Saved, Collection, double, List, String, long[])}, the state of {@code story} made
   * when the rows are written ({@link #stories}), not now ({@link Stories#savedWhenAsked}): a story that several held
   * articles join is made once, in its latest state.
   */
  void article(long article, long story, java.util.function.Supplier<Stories.Saved> saved, Collection<String> terms,
      double score, List<Link> links, String language, long[] bands) {
    stories.put(story, new Pending(story, saved, Instant.now()));
    joined.put(article, new Joined(story, score));
    terms(terms);
    links(links);
    bands(article, language, bands);
  }

  /** Counts each term once more (a term given twice, twice) and, when there are terms, the article under {@link #COUNTED}. */
  void terms(Collection<String> given) {
    if (given.isEmpty()) {
      return;
    }
    for (String t : given) {
      if (!t.isEmpty()) {
        terms.merge(t, 1, Integer::sum);
      }
    }
    terms.merge(COUNTED, 1, Integer::sum);
  }

  /** Each link from both sides ({@link Link#flipped}), a side replacing the side of the same two articles held before. */
  void links(List<Link> links) {
    for (Link l : links) {
      for (Link side : List.of(l, l.flipped())) {
        List<Long> pair = List.of(side.article(), side.related());
        sides.remove(pair); // the later side last, as if each were written in turn
        sides.put(pair, side);
      }
    }
  }

  /**
   * The bands of {@code article}, a band given twice kept once.
   *
   * @throws IllegalArgumentException when the article's bands are held already: an article's bands are given once
   */
  void bands(long article, String language, long[] given) {
    if (bands.containsKey(article)) {
      throw new IllegalArgumentException("the bands of article " + article + " are held already");
    }
    bands.put(article, new Banded(language == null ? "" : language, given));
  }

  /**
   * The anchor terms of {@code article} ({@link StoryStore#putAnchors}), each once: one more article holds each.
   *
   * @throws IllegalArgumentException when the article's anchors are held already: an article's anchors are given once
   */
  void anchors(long article, String language, Collection<String> terms) {
    if (anchors.containsKey(article)) {
      throw new IllegalArgumentException("the anchors of article " + article + " are held already");
    }
    anchors.put(article, new Anchored(language == null ? "" : language, new java.util.LinkedHashSet<>(terms)));
  }

  /** How many held articles hold each of {@code terms}; a term none holds is left out. */
  Map<String, Integer> anchorCounts(Collection<String> terms) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Anchored a : anchors.values()) {
      for (String t : terms) {
        if (a.terms().contains(t)) {
          out.merge(t, 1, Integer::sum);
        }
      }
    }
    return out;
  }

  /**
   * The held articles holding each of {@code terms} whose language is not {@code language} (null: any), in the order
   * they were held, as {@link StoryStore#anchorPostings} lists the stored ones; a term none of them holds is left out.
   */
  Map<String, List<Long>> anchorArticles(Collection<String> terms, String language) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    anchors.forEach((article, a) -> {
      if (language != null && a.language().equals(language)) {
        return;
      }
      for (String t : terms) {
        if (a.terms().contains(t)) {
          out.computeIfAbsent(t, k -> new ArrayList<>()).add(article);
        }
      }
    });
    return out;
  }

  /** The languages of the held anchor postings ({@code ""} for none): of the articles holding at least one term. */
  Set<String> anchorLanguages() {
    Set<String> out = new java.util.TreeSet<>();
    anchors.values().stream().filter(a -> !a.terms().isEmpty()).forEach(a -> out.add(a.language()));
    return out;
  }

  /** Whether anchors are held. */
  boolean holdsAnchors() {
    return !anchors.isEmpty();
  }

  /**
   * The held articles in {@code language} sharing a band with {@code query}, with how many distinct bands each shares,
   * as {@link StoryStore#bandCandidates} counts them in the store (a band given twice counts once).
   */
  Map<Long, Integer> bandCandidates(String language, long[] query) {
    String lang = language == null ? "" : language;
    long[] wanted = distinctSorted(query); // no band boxed: the held articles' bands are sorted as they are held
    Map<Long, Integer> out = new LinkedHashMap<>();
    bands.forEach((article, held) -> {
      if (!held.language().equals(lang)) {
        return;
      }
      int shared = shared(wanted, held.bands());
      if (shared > 0) {
        out.put(article, shared);
      }
    });
    return out;
  }

  /**
   * The {@code max} articles sharing most bands, most first, then by id, of {@code stored} (the store's answer, in that
   * order) and {@code held} (this batch's, {@link #bandCandidates}): what the store would answer if the held rows were
   * in it. The two must name no article in common: held articles are new to the store.
   *
   * @throws IllegalArgumentException when an article is in both
   */
  static Map<Long, Integer> merged(Map<Long, Integer> stored, Map<Long, Integer> held, int max) {
    List<Map.Entry<Long, Integer>> all = new ArrayList<>(stored.entrySet());
    for (Map.Entry<Long, Integer> e : held.entrySet()) {
      if (stored.containsKey(e.getKey())) {
        throw new IllegalArgumentException("article " + e.getKey() + " has bands both stored and held");
      }
      all.add(e);
    }
    all.sort(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<Long, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<Long, Integer> e : all.subList(0, Math.min(max, all.size()))) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Whether links are held (a read of the links must see them: {@link Lineage} writes them first). */
  boolean holdsLinks() {
    return !sides.isEmpty();
  }

  /** Whether nothing is held. */
  public boolean isEmpty() {
    return stories.isEmpty() && joined.isEmpty() && terms.isEmpty() && sides.isEmpty() && bands.isEmpty()
        && anchors.isEmpty();
  }

  /** The stories' rows, each story once in its latest state, made now. */
  Collection<StoryRow> stories() {
    return stories.values().stream().map(Pending::row).toList();
  }

  /** The articles' places in their stories, by article. */
  Map<Long, Joined> joined() {
    return joined;
  }

  /** What each term's count grows by, {@link #COUNTED} included. */
  Map<String, Integer> termCounts() {
    return terms;
  }

  /** The links' sides, each pair of articles once, as the later link gave it. */
  Collection<Link> sides() {
    return sides.values();
  }

  /** The bands, by article. */
  Map<Long, Banded> bands() {
    return bands;
  }

  /** The anchor terms, by article. */
  Map<Long, Anchored> anchors() {
    return anchors;
  }
}
