package org.lente.story;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where stories, lineage links and LSH bands are kept. The embedded implementation is
 * {@link SqliteStoryStore}, in the knowledge base's {@code lente.db}. Implementations are safe for use
 * by several threads; each method is atomic.
 */
public interface StoryStore extends AutoCloseable {

  /**
   * Records all that was learned of one new article in one transaction: its story as it is now, with
   * the index's centroid (the article joined at {@code score}), the article's {@code terms} counted
   * once more for idf ({@link #termCounts}), its links ({@link #putLinks}) and its LSH bands
   * ({@link #putBands}).
   */
  void putArticle(long article, Stories.Saved story, java.util.Collection<String> terms, double score,
      List<Link> links, String language, long[] bands) throws IOException;

  /** Stored articles with no story yet (their lineage never ran), ids ascending. */
  List<Long> articlesWithoutStory() throws IOException;

  /** The highest story id stored, 0 when none. */
  long lastStoryId() throws IOException;

  /**
   * A story id never handed out before, by this process or another (committed before it returns: a
   * crash leaves a gap, never a reuse).
   */
  long newStoryId() throws IOException;

  /** In how many stored articles each key term occurs. */
  Map<String, Integer> termCounts() throws IOException;

  /** How many articles had their terms counted ({@link #putArticle} with terms): the idf's article count. */
  int countedArticles() throws IOException;

  /**
   * The stories whose latest article is the most recent, at most {@code max}, latest first, with their
   * centroids; stories saved without one (before schema V4) are left out.
   */
  List<Stories.Saved> savedStories(int max) throws IOException;

  /** Records the LSH band keys of an article's text ({@link MinHash#bands}). */
  void putBands(long article, String language, long[] bands) throws IOException;

  /**
   * Articles in {@code language} sharing a band key with {@code bands}, at most {@code max}, with how
   * many bands each shares, most first.
   */
  Map<Long, Integer> bandCandidates(String language, long[] bands, int max) throws IOException;

  /** A {@link #bandCandidates} lookup: the articles in {@code language} ({@code ""} for none) sharing {@code bands}. */
  record BandQuery(String language, long[] bands) {
    public BandQuery {
      java.util.Objects.requireNonNull(language, "language");
      java.util.Objects.requireNonNull(bands, "bands");
    }
  }

  /**
   * The answers of {@link #bandCandidates} to each of {@code queries}, in their order. By default one lookup after the
   * other; a store that can answer them in one round trip does.
   */
  default List<Map<Long, Integer>> bandCandidates(List<BandQuery> queries, int max) throws IOException {
    List<Map<Long, Integer>> out = new java.util.ArrayList<>(queries.size());
    for (BandQuery q : queries) {
      out.add(bandCandidates(q.language(), q.bands(), max));
    }
    return out;
  }

  /**
   * Records the distinct anchor terms of an article ({@link Anchor#term}) in the index that lineage
   * finds versions in other languages with; an article recorded again keeps its earlier terms too.
   */
  void putAnchors(long article, String language, java.util.Collection<String> terms) throws IOException;

  /**
   * The articles holding each of {@code terms} whose language is not {@code language} (null: any), for
   * the terms held by at most {@code maxArticles} stored articles of any language; a term held by more,
   * or by none, is left out of the map.
   */
  Map<String, List<Long>> anchorPostings(java.util.Collection<String> terms, String language, int maxArticles)
      throws IOException;

  /**
   * Writes rows of several articles held back over a batch ({@link StoryRows}) in one transaction, one statement per
   * table where {@link #putArticle}, {@link #putLinks} and {@link #putBands} for each article in turn would run one
   * each: the tables then hold what those calls in the order of the rows' articles would leave (the stories' latest
   * states, the terms' counts summed). Nothing when {@code rows} is empty.
   */
  void putRows(StoryRows rows) throws IOException;

  /**
   * The languages of the stored anchor postings ({@link #putAnchors}; {@code ""} for articles of no known language): a
   * scan of them all, for a writer that then keeps them up to date itself ({@link Lineage#holdWrites}).
   */
  java.util.Set<String> anchorLanguages() throws IOException;

  /** How many stored articles hold each of {@code terms} ({@link #putAnchors}); a term none holds is left out. */
  Map<String, Integer> anchorCounts(java.util.Collection<String> terms) throws IOException;

  /**
   * The stored articles holding each of {@code terms} whose language is not {@code language} (null: any), however many
   * hold it; a term none of them holds is left out: {@link #anchorPostings} without its bound on the terms' counts.
   */
  Map<String, List<Long>> anchorArticles(java.util.Collection<String> terms, String language) throws IOException;

  /** Stores each link and its flipped twin, replacing earlier links between the same two articles. */
  void putLinks(List<Link> links) throws IOException;

  /** The links of an article, strongest first. */
  List<Link> links(long article) throws IOException;

  /** The id of the article whose key, URL or source (the path it was ingested from) is {@code reference}. */
  Optional<Long> articleId(String reference) throws IOException;

  /**
   * Where each of {@code ids} that has no URL was ingested from (the path of a local file given to {@code lente
   * ingest}), by id; articles with a URL, and ids not stored, are left out.
   */
  Map<Long, String> localOrigins(List<Long> ids) throws IOException;

  /** Stores a story as it is now, with {@code article} as one of its articles joined at {@code score}. */
  void putStory(Story story, long article, double score) throws IOException;

  Optional<Story> story(long id) throws IOException;

  /** The story of an article. */
  Optional<Long> storyOf(long article) throws IOException;

  /**
   * A page of stories, latest activity first: latest publication of their articles descending, then id
   * descending; stories with no dated article last. A listed story's timeline and quotes are empty
   * (read the story by {@link #story} for them): a listing shows counts, dates, sources and languages.
   *
   * @param language only stories with an article in this language, or null for any
   * @param minArticles only stories with at least this many articles (1 for all)
   * @param cursor null for the first page, else a {@link org.lente.store.Page#next()} of the same listing
   * @param limit 1 to 100
   * @throws IllegalArgumentException on a bad cursor, limit or minimum
   */
  org.lente.store.Page<Story> stories(String language, int minArticles, String cursor, int limit) throws IOException;

  @Override
  void close() throws IOException;
}
