package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.SqliteStore;

class SqliteStoryStoreTest {

  @TempDir
  Path dir;

  private long[] articles(int n) throws IOException {
    long[] ids = new long[n];
    try (SqliteStore store = SqliteStore.open(dir)) {
      for (int i = 0; i < n; i++) {
        ids[i] = store.put("k" + i, Texts.analysis("site.example/" + i, null, "it", null, "t" + i,
            "Testo numero " + i + " del giorno.")).id();
      }
    }
    return ids;
  }

  @Test
  void bandCandidatesComeInTheirLanguageMostSharedFirst() throws IOException {
    long[] ids = articles(3);
    try (SqliteStoryStore s = SqliteStoryStore.open(dir)) {
      s.putBands(ids[0], "it", new long[] {1, 2, 3});
      s.putBands(ids[1], "it", new long[] {3, 4, 5});
      s.putBands(ids[2], "en", new long[] {1, 2, 3});
      assertEquals(java.util.Map.of(ids[1], 2, ids[0], 1), s.bandCandidates("it", new long[] {3, 4, 9}, 10));
      assertEquals(List.of(ids[1], ids[0]), List.copyOf(s.bandCandidates("it", new long[] {3, 4, 9}, 10).keySet()));
    }
  }

  @Test
  void anchorPostingsListArticlesInOtherLanguagesForTheRarerTerms() throws IOException {
    long[] ids = articles(4);
    try (SqliteStoryStore s = SqliteStoryStore.open(dir)) {
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
  void linksSurviveReopeningWithTheirEvidence() throws IOException {
    long[] ids = articles(2);
    Evidence e = new Evidence("credit", "ha detto a Reuters", null, "this article credits Reuters");
    try (SqliteStoryStore s = SqliteStoryStore.open(dir)) {
      s.putLinks(List.of(new Link(ids[0], ids[1], Link.Relation.TRANSLATION, Direction.ORIGINAL, 0.8, List.of(e))));
    }
    try (SqliteStoryStore s = SqliteStoryStore.open(dir)) {
      assertEquals(List.of(new Link(ids[0], ids[1], Link.Relation.TRANSLATION, Direction.ORIGINAL, 0.8, List.of(e))),
          s.links(ids[0]));
      assertEquals(Direction.COPY, s.links(ids[1]).get(0).direction());
    }
  }

  @Test
  void aStoryIsReadBackAsStored() throws IOException {
    long[] ids = articles(1);
    Story story = new Story(7, "Titolo", "2024-05-01T08:00:00Z", "2024-05-01T08:00:00Z", List.of(ids[0]),
        List.of("Notizie"), List.of("it"), List.of("Airbus"), List.of("Akbar Al Baker: \"oggi\""),
        List.of(new Story.Event("2024-05-01T08:00:00Z", ids[0], "Titolo")));
    try (SqliteStoryStore s = SqliteStoryStore.open(dir)) {
      s.putStory(story, ids[0], 0);
      assertEquals(Optional.of(story), s.story(7));
      assertEquals(Optional.of(7L), s.storyOf(ids[0]));
      assertEquals(7, s.lastStoryId());
    }
  }

  @Test
  void anArticleIsFoundByItsSource() throws IOException {
    long[] ids = articles(2);
    try (SqliteStoryStore s = SqliteStoryStore.open(dir)) {
      assertEquals(Optional.of(ids[1]), s.articleId("site.example/1"));
      assertEquals(Optional.empty(), s.articleId("nowhere"));
    }
  }

  @Test
  void aCentroidWithATermOfSixtyThousandCharactersReadsBack() throws IOException {
    long[] ids = articles(1);
    String term = "k:" + "a".repeat(60_000);
    Story story = new Story(1, "Titolo", null, null, List.of(ids[0]), List.of("site.example"), List.of("it"),
        List.of(), List.of(), List.of());
    try (SqliteStoryStore s = SqliteStoryStore.open(dir)) {
      s.putArticle(ids[0], new Stories.Saved(story, java.util.Map.of(term, 1.0), java.util.Map.of()), List.of(term),
          0, List.of(), "it", new long[] {1});
      assertEquals(java.util.Map.of(term, 1.0), s.savedStories(10).get(0).centroid());
    }
  }
}
