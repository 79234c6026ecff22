package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoryStore} does, run against each implementation: {@link SqliteStoryStoreTest}
 * (a real SQLite file) and {@link PostgresStoryStoreTest} (a real PostgreSQL server).
 */
abstract class StoryStoreContract {

  /** Opens the store under test; a second call opens the same data again. */
  abstract SqlStoryStore open() throws Exception;

  /** Stores {@code n} articles with sources {@code site.example/0}, {@code /1}, …; returns their ids. */
  abstract long[] articles(int n) throws Exception;

  private static Story story(long id, String last, List<Long> articles, String language) {
    return new Story(id, "Storia " + id, last, last, articles, List.of("site.example"), List.of(language), List.of(),
        List.of("a quote"), List.of(new Story.Event(last, articles.get(0), "Titolo")));
  }

  @Test
  void storiesAreListedNewestFirstByLanguageAndSizeWithoutTimelineOrQuotes() throws Exception {
    long[] ids = articles(4);
    try (SqlStoryStore s = open()) {
      s.putStory(story(1, "2024-05-01T08:00:00Z", List.of(ids[0], ids[1]), "it"), ids[0], 0);
      s.putStory(story(2, "2024-05-03T08:00:00Z", List.of(ids[2]), "en"), ids[2], 0);
      s.putStory(story(3, null, List.of(ids[3]), "it"), ids[3], 0);
      assertEquals(List.of(2L, 1L, 3L), s.stories(null, 1, null, 10).items().stream().map(Story::id).toList());
      assertEquals(List.of(1L, 3L), s.stories("it", 1, null, 10).items().stream().map(Story::id).toList());
      assertEquals(List.of(1L), s.stories(null, 2, null, 10).items().stream().map(Story::id).toList());
      Story listed = s.stories("en", 1, null, 10).items().get(0);
      assertEquals(List.of(), listed.timeline());
      assertEquals(List.of(), listed.quotes());
    }
  }

  @Test
  void aCursorWalksEveryStoryOnce() throws Exception {
    long[] ids = articles(5);
    try (SqlStoryStore s = open()) {
      for (int i = 0; i < 5; i++) {
        s.putStory(story(i + 1, i == 4 ? null : "2024-05-0" + (1 + i % 2) + "T08:00:00Z", List.of(ids[i]), "it"),
            ids[i], 0);
      }
      List<Long> seen = new java.util.ArrayList<>();
      String cursor = null;
      do {
        org.lente.store.Page<Story> page = s.stories(null, 1, cursor, 2);
        page.items().forEach(st -> seen.add(st.id()));
        cursor = page.next();
      } while (cursor != null);
      assertEquals(List.of(4L, 2L, 3L, 1L, 5L), seen);
    }
  }

  @Test
  void storyIdsAreNeverHandedOutTwice() throws Exception {
    long first;
    long second;
    try (SqlStoryStore s = open()) {
      first = s.newStoryId();
      second = s.newStoryId();
    }
    try (SqlStoryStore s = open()) {
      long third = s.newStoryId();
      assertTrue(first < second && second < third, first + ", " + second + ", then after reopening " + third);
    }
  }

  @Test
  void termsAreCountedOncePerArticle() throws Exception {
    long[] ids = articles(2);
    try (SqlStoryStore s = open()) {
      Story st = story(1, null, List.of(ids[0]), "it");
      s.putArticle(ids[0], new Stories.Saved(st, Map.of("k:airbus", 1.0), Map.of()), List.of("k:airbus", "k:a380"), 0,
          List.of(), "it", new long[] {1});
      s.putArticle(ids[1], new Stories.Saved(st, Map.of("k:airbus", 1.0), Map.of()), List.of("k:airbus"), 0,
          List.of(), "it", new long[] {2});
      assertEquals(Map.of("k:airbus", 2, "k:a380", 1), s.termCounts());
      assertEquals(2, s.countedArticles());
    }
  }

  /**
   * Rows of three articles held together ({@link StoryRows}) and written at once leave what the articles' puts one
   * after another leave: a story joined twice in its later state and centroid, each article's place, the terms counted
   * per article, a link given twice as the later gave it (from both sides), the bands and the anchors' postings and
   * counts.
   */
  @Test
  void rowsOfSeveralArticlesLeaveWhatTheirPutsOneByOneLeave() throws Exception {
    long[] ids = articles(3);
    Story first = story(1, "2024-05-01T08:00:00Z", List.of(ids[0]), "it");
    Story joined = story(1, "2024-05-02T08:00:00Z", List.of(ids[0], ids[1]), "it");
    Link weak = new Link(ids[1], ids[0], Link.Relation.SAME_STORY, Direction.UNKNOWN, 0.2, List.of());
    Link strong = new Link(ids[2], ids[0], Link.Relation.TRANSLATION, Direction.ORIGINAL, 0.9, List.of());
    StoryRows rows = new StoryRows();
    rows.article(ids[0], new Stories.Saved(first, Map.of("k:airbus", 1.0), Map.of()), List.of("k:airbus"), 0,
        List.of(), "it", new long[] {1, 2});
    rows.anchors(ids[0], "it", List.of("n:airbus", "#:60"));
    rows.article(ids[1], new Stories.Saved(joined, Map.of("k:airbus", 0.5, "k:a350", 0.5), Map.of()),
        List.of("k:airbus", "k:a350"), 0.7, List.of(weak), "it", new long[] {2, 3});
    rows.anchors(ids[1], "it", List.of("n:airbus", "n:airbus"));
    rows.links(List.of(new Link(ids[1], ids[0], Link.Relation.SAME_STORY, Direction.UNKNOWN, 0.3, List.of())));
    rows.article(ids[2], new Stories.Saved(story(2, null, List.of(ids[2]), "en"), Map.of("k:boeing", 1.0), Map.of()),
        List.of("k:boeing"), 0, List.of(strong), "en", new long[] {1});
    rows.anchors(ids[2], "en", List.of("n:airbus"));
    try (SqlStoryStore s = open()) {
      s.putRows(rows);
      assertEquals(Optional.of(joined), s.story(1));
      assertEquals(Map.of("k:airbus", 0.5, "k:a350", 0.5), s.savedStories(10).stream()
          .filter(saved -> saved.story().id() == 1).findFirst().orElseThrow().centroid());
      assertEquals(List.of(Optional.of(1L), Optional.of(1L), Optional.of(2L)),
          List.of(s.storyOf(ids[0]), s.storyOf(ids[1]), s.storyOf(ids[2])));
      assertEquals(Map.of("k:airbus", 2, "k:a350", 1, "k:boeing", 1), s.termCounts());
      assertEquals(3, s.countedArticles());
      assertEquals(List.of(strong.flipped(), new Link(ids[0], ids[1], Link.Relation.SAME_STORY, Direction.UNKNOWN,
          0.3, List.of())), s.links(ids[0]));
      assertEquals(Map.of(ids[0], 2, ids[1], 1), s.bandCandidates("it", new long[] {1, 2}, 10));
      assertEquals(Map.of("n:airbus", 3, "#:60", 1), s.anchorCounts(List.of("n:airbus", "#:60", "n:boeing")));
      assertEquals(Map.of("n:airbus", List.of(ids[2])), s.anchorArticles(List.of("n:airbus", "#:60"), "it"));
    }
  }

  @Test
  void articlesWithoutAStoryAreListedInOrder() throws Exception {
    long[] ids = articles(3);
    try (SqlStoryStore s = open()) {
      s.putStory(story(1, null, List.of(ids[1]), "it"), ids[1], 0);
      assertEquals(List.of(ids[0], ids[2]), s.articlesWithoutStory());
    }
  }

  /**
   * Lookups asked together answer as each asked alone: in their order, in their language, most shared first then by
   * id, a band given twice counted once, at most {@code max}, and none for a query no stored band matches.
   */
  @Test
  void bandCandidatesAskedTogetherAreEachLookupsOwn() throws Exception {
    long[] ids = articles(4);
    try (SqlStoryStore s = open()) {
      s.putBands(ids[0], "it", new long[] {1, 2, 3});
      s.putBands(ids[1], "it", new long[] {3, 4, 5});
      s.putBands(ids[2], "en", new long[] {1, 2, 3});
      s.putBands(ids[3], "it", new long[] {4, 5, 6});
      List<StoryStore.BandQuery> queries = List.of(new StoryStore.BandQuery("it", new long[] {3, 4, 9}),
          new StoryStore.BandQuery("en", new long[] {1, 1, 3}), new StoryStore.BandQuery("it", new long[] {77}),
          new StoryStore.BandQuery("it", new long[] {5, 4, 1}));
      List<Map<Long, Integer>> together = s.bandCandidates(queries, 2);
      assertEquals(List.of(List.of(ids[1], ids[0]), List.of(ids[2]), List.of(), List.of(ids[1], ids[3])),
          together.stream().map(m -> List.copyOf(m.keySet())).toList());
      assertEquals(List.of(Map.of(ids[1], 2, ids[0], 1), Map.of(ids[2], 2), Map.of(), Map.of(ids[1], 2, ids[3], 2)),
          together);
      for (int i = 0; i < queries.size(); i++) {
        assertEquals(s.bandCandidates(queries.get(i).language(), queries.get(i).bands(), 2), together.get(i));
      }
    }
  }

  @Test
  void bandCandidatesComeInTheirLanguageMostSharedFirst() throws Exception {
    long[] ids = articles(3);
    try (SqlStoryStore s = open()) {
      s.putBands(ids[0], "it", new long[] {1, 2, 3});
      s.putBands(ids[1], "it", new long[] {3, 4, 5});
      s.putBands(ids[2], "en", new long[] {1, 2, 3});
      assertEquals(java.util.Map.of(ids[1], 2, ids[0], 1), s.bandCandidates("it", new long[] {3, 4, 9}, 10));
      assertEquals(List.of(ids[1], ids[0]), List.copyOf(s.bandCandidates("it", new long[] {3, 4, 9}, 10).keySet()));
    }
  }

  @Test
  void anchorPostingsListArticlesInOtherLanguagesForTheRarerTerms() throws Exception {
    long[] ids = articles(4);
    try (SqlStoryStore s = open()) {
      s.putAnchors(ids[0], "en", List.of("#:420", "n:kessler"));
      s.putAnchors(ids[1], "en", List.of("#:420", "n:estmark"));
      s.putAnchors(ids[2], "it", List.of("#:420", "n:kessler"));
      s.putAnchors(ids[3], "nl", List.of("#:420"));
      assertEquals(java.util.Map.of("n:kessler", List.of(ids[0])),
          s.anchorPostings(List.of("#:420", "n:kessler", "n:nowhere"), "it", 3)); // "#:420" is in 4 articles
      assertEquals(List.of(ids[0], ids[1], ids[3]),
          s.anchorPostings(List.of("#:420"), "it", 4).get("#:420").stream().sorted().toList());
    }
  }

  @Test
  void anchorPostingsOfAnUnknownLanguageListTheArticlesOfEveryLanguage() throws Exception {
    long[] ids = articles(3);
    try (SqlStoryStore s = open()) {
      s.putAnchors(ids[0], "en", List.of("n:kessler"));
      s.putAnchors(ids[1], "", List.of("n:kessler"));
      s.putAnchors(ids[2], "it", List.of("n:kessler"));
      assertEquals(List.of(ids[0], ids[1], ids[2]),
          s.anchorPostings(List.of("n:kessler"), null, 3).get("n:kessler").stream().sorted().toList());
    }
  }

  @Test
  void anArticleCountsOnceForEachOfItsAnchorTerms() throws Exception {
    long[] ids = articles(2);
    try (SqlStoryStore s = open()) {
      s.putAnchors(ids[0], "en", List.of("#:420", "n:kessler", "#:420"));
      s.putAnchors(ids[0], "en", List.of("#:420")); // stored again: no new posting
      s.putAnchors(ids[1], "it", List.of("#:420"));
      assertEquals(List.of(ids[0], ids[1]), s.anchorPostings(List.of("#:420"), "nl", 2).get("#:420").stream()
          .sorted().toList());
      assertEquals(java.util.Map.of("n:kessler", List.of(ids[0])), s.anchorPostings(List.of("#:420", "n:kessler"),
          "nl", 1)); // "#:420" is held by two articles, not three or four
    }
  }

  // ---- more rows than one multi-row statement writes

  private static final int MANY = org.lente.store.SqlConnections.MAX_ROWS + 7;

  @Test
  void moreTermsThanOneStatementWritesAreEachCountedAsOftenAsGiven() throws Exception {
    long[] ids = articles(1);
    List<String> terms = new java.util.ArrayList<>();
    Map<String, Integer> expected = new java.util.HashMap<>();
    for (int i = 0; i < MANY; i++) {
      terms.add("k:termine" + i);
      expected.put("k:termine" + i, 1);
    }
    terms.add("k:termine3"); // given twice: counted twice, as two puts of it would
    expected.put("k:termine3", 2);
    try (SqlStoryStore s = open()) {
      Story st = story(1, null, List.of(ids[0]), "it");
      s.putArticle(ids[0], new Stories.Saved(st, Map.of("k:termine0", 1.0), Map.of()), terms, 0, List.of(), "it",
          new long[] {1});
      assertEquals(expected, s.termCounts());
      assertEquals(1, s.countedArticles());
    }
  }

  @Test
  void moreBandsThanOneStatementWritesAreAllStored() throws Exception {
    long[] ids = articles(2);
    long[] bands = java.util.stream.LongStream.range(0, MANY).map(b -> b * 7919).toArray();
    try (SqlStoryStore s = open()) {
      s.putBands(ids[0], "it", bands);
      s.putBands(ids[1], "it", java.util.Arrays.copyOfRange(bands, MANY - 3, MANY));
      assertEquals(Map.of(ids[0], MANY, ids[1], 3), s.bandCandidates("it", bands, 10));
    }
  }

  @Test
  void moreLinksThanOneStatementWritesAreStoredFromBothSidesEachWithItsValues() throws Exception {
    long[] ids = articles(MANY / 2 + 2); // each link is two rows, one from each side
    List<Link> links = new java.util.ArrayList<>();
    for (int i = 1; i < ids.length; i++) {
      links.add(new Link(ids[0], ids[i], i % 2 == 0 ? Link.Relation.TRANSLATION : Link.Relation.NEAR_DUPLICATE,
          i % 3 == 0 ? Direction.ORIGINAL : Direction.UNKNOWN, 1.0 / (i + 1),
          List.of(new Evidence("credit", "qui " + i, "là " + i, "nota " + i))));
    }
    try (SqlStoryStore s = open()) {
      s.putLinks(links);
      assertEquals(links, s.links(ids[0])); // strongest first: the order they were made in
      for (int i = 1; i < ids.length; i++) {
        assertEquals(List.of(links.get(i - 1).flipped()), s.links(ids[i]));
      }
    }
  }

  @Test
  void aLinkGivenTwiceInOneCallIsStoredAsGivenLast() throws Exception {
    long[] ids = articles(2);
    Link first = new Link(ids[0], ids[1], Link.Relation.NEAR_DUPLICATE, Direction.ORIGINAL, 0.9, List.of());
    Link last = new Link(ids[1], ids[0], Link.Relation.TRANSLATION, Direction.UNKNOWN, 0.4, List.of());
    try (SqlStoryStore s = open()) {
      s.putLinks(List.of(first, last));
      assertEquals(List.of(last), s.links(ids[1]));
      assertEquals(List.of(last.flipped()), s.links(ids[0]));
    }
  }

  @Test
  void linksSurviveReopeningWithTheirEvidence() throws Exception {
    long[] ids = articles(2);
    Evidence e = new Evidence("credit", "ha detto a Reuters", null, "this article credits Reuters");
    try (SqlStoryStore s = open()) {
      s.putLinks(List.of(new Link(ids[0], ids[1], Link.Relation.TRANSLATION, Direction.ORIGINAL, 0.8, List.of(e))));
    }
    try (SqlStoryStore s = open()) {
      assertEquals(List.of(new Link(ids[0], ids[1], Link.Relation.TRANSLATION, Direction.ORIGINAL, 0.8, List.of(e))),
          s.links(ids[0]));
      assertEquals(Direction.COPY, s.links(ids[1]).get(0).direction());
    }
  }

  @Test
  void aStoryIsReadBackAsStored() throws Exception {
    long[] ids = articles(1);
    Story story = new Story(7, "Titolo", "2024-05-01T08:00:00Z", "2024-05-01T08:00:00Z", List.of(ids[0]),
        List.of("Notizie"), List.of("it"), List.of("Airbus"), List.of("Akbar Al Baker: \"oggi\""),
        List.of(new Story.Event("2024-05-01T08:00:00Z", ids[0], "Titolo")));
    try (SqlStoryStore s = open()) {
      s.putStory(story, ids[0], 0);
      assertEquals(Optional.of(story), s.story(7));
      assertEquals(Optional.of(7L), s.storyOf(ids[0]));
      assertEquals(7, s.lastStoryId());
    }
  }

  @Test
  void anArticleIsFoundByItsSource() throws Exception {
    long[] ids = articles(2);
    try (SqlStoryStore s = open()) {
      assertEquals(Optional.of(ids[1]), s.articleId("site.example/1"));
      assertEquals(Optional.empty(), s.articleId("nowhere"));
    }
  }

  @Test
  void aCentroidWithATermOfSixtyThousandCharactersReadsBack() throws Exception {
    long[] ids = articles(1);
    String term = "k:" + "a".repeat(60_000);
    Story story = new Story(1, "Titolo", null, null, List.of(ids[0]), List.of("site.example"), List.of("it"),
        List.of(), List.of(), List.of());
    try (SqlStoryStore s = open()) {
      s.putArticle(ids[0], new Stories.Saved(story, java.util.Map.of(term, 1.0), java.util.Map.of()), List.of(term),
          0, List.of(), "it", new long[] {1});
      assertEquals(java.util.Map.of(term, 1.0), s.savedStories(10).get(0).centroid());
    }
  }
}
