package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lente.nlp.Analysis;
import org.lente.store.StoredJson;

class StoriesTest {

  private final Stories stories = new Stories(Duration.ofDays(30), Stories.DEFAULT_THRESHOLD);

  @Test
  void anItalianTranslationJoinsTheEnglishStory() {
    Stories.Assignment en = stories.add(1, Fixtures.english("2024-05-01T08:00:00Z"));
    Stories.Assignment it = stories.add(2, Fixtures.italian("2024-05-01T10:00:00Z"));
    assertTrue(en.created());
    assertFalse(it.created(), it.toString());
    assertEquals(en.story(), it.story());
    Story s = stories.story(en.story()).orElseThrow();
    assertEquals(java.util.List.of("en", "it"), s.languages());
    assertEquals("Airbus wins Qatar Airways order", s.title());
    assertTrue(s.keyEntities().contains("Qatar Airways"), s.keyEntities().toString());
  }

  @Test
  void aStorysStateAskedLaterIsTheStoryAsItIsThenClosedOrNot() {
    Stories one = new Stories(Duration.ofDays(30), Stories.DEFAULT_THRESHOLD, 1, 1); // one story open at a time
    long story = one.add(1, Fixtures.english("2024-05-01T08:00:00Z")).story();
    java.util.function.Supplier<Stories.Saved> later = one.savedWhenAsked(story).orElseThrow();
    assertEquals(story, one.add(2, Fixtures.italian("2024-05-01T10:00:00Z")).story());
    Stories.Saved before = one.saved(story).orElseThrow();
    assertEquals(List.of(1L, 2L), later.get().story().articles());
    one.add(3, Fixtures.otherItalian()); // closes the Airbus story
    assertTrue(one.saved(story).isEmpty());
    assertEquals(before, later.get());
    assertTrue(one.savedWhenAsked(story).isEmpty());
  }

  @Test
  void theLatestArticlesOfAStoryAreTheEndOfItsArticles() {
    long story = stories.add(1, Fixtures.english("2024-05-01T08:00:00Z")).story();
    stories.add(2, Fixtures.italian("2024-05-01T10:00:00Z"));
    stories.add(3, Fixtures.followUpItalian());
    assertEquals(stories.story(story).orElseThrow().articles(), stories.latestArticles(story, 9));
    assertEquals(List.of(2L, 3L), stories.latestArticles(story, 2));
    assertEquals(List.of(), stories.latestArticles(story + 100, 2));
  }

  @Test
  void otherNewsStartsAStoryOfItsOwn() {
    long first = stories.add(1, Fixtures.english("2024-05-01T08:00:00Z")).story();
    Stories.Assignment other = stories.add(2, Fixtures.otherItalian());
    assertTrue(other.created());
    assertNotEquals(first, other.story());
  }

  @Test
  void anUndatedArticleSharingOnlyItsProvinceWithAnUndatedStoryStartsItsOwn() {
    // cosine 0.22 with the first article's story: over the default threshold, under the undated one
    Analysis theft = Texts.analysis("cronaca.example.it/furto", "Cronaca", "it", null, "Furto in negozio",
        "Furto in un negozio di Modena. Un uomo di 30 anni ha preso alcune bottiglie in via Emilia ed è stato fermato "
            + "dalla Polizia Locale vicino a Piazza Grande.",
        "Modena=Modena/LOC", "via Emilia=via Emilia/LOC", "Polizia Locale=Polizia Locale/ORG",
        "Piazza Grande=Piazza Grande/LOC");
    Analysis scam = Texts.analysis("cronaca.example.it/truffa", "Cronaca", "it", null, "Truffa a un'anziana",
        "Truffa a un'anziana in provincia di Modena. Due donne si sono presentate a Vignola come tecniche di Hera e "
            + "sono fuggite con i gioielli verso Spilamberto.",
        "Modena=Modena/LOC", "Vignola=Vignola/LOC", "Hera=Hera/ORG", "Spilamberto=Spilamberto/LOC");
    long first = stories.add(1, theft).story();
    Stories.Assignment other = stories.add(2, scam);
    assertTrue(other.created(), other.toString());
    assertNotEquals(first, other.story());
  }

  @Test
  void theSameNewsMonthsLaterIsANewStory() {
    long first = stories.add(1, Fixtures.english("2024-01-01T08:00:00Z")).story();
    assertNotEquals(first, stories.add(2, Fixtures.italian("2024-06-01T08:00:00Z")).story());
  }

  @Test
  void anArticleAddedAgainKeepsItsStory() {
    long first = stories.add(1, Fixtures.english(null)).story();
    stories.add(2, Fixtures.otherItalian());
    assertEquals(first, stories.add(1, Fixtures.english(null)).story());
    assertEquals(2, stories.size());
  }

  @Test
  void theTimelineIsInPublicationOrder() {
    long s = stories.add(1, Fixtures.italian("2024-05-02T08:00:00Z")).story();
    stories.add(2, Fixtures.english("2024-05-01T08:00:00Z"));
    Story story = stories.story(s).orElseThrow();
    assertEquals(2L, story.timeline().get(0).article());
    assertEquals("2024-05-01T08:00:00Z", story.first());
  }

  @Test
  void aClosedStoryTakesNoNewArticle() {
    Stories one = new Stories(Duration.ofDays(30), Stories.DEFAULT_THRESHOLD, 1, 1);
    long first = one.add(1, Fixtures.english("2024-05-01T08:00:00Z")).story();
    one.add(2, Fixtures.otherItalian()); // only one story stays open: the Airbus one closes
    assertTrue(one.story(first).isEmpty());
    assertTrue(one.add(3, Fixtures.italian("2024-05-01T10:00:00Z")).created());
  }

  @Test
  void anOpenStoryTakesTheSameArticle() { // the control of the test above: with room for two, it joins
    Stories two = new Stories(Duration.ofDays(30), Stories.DEFAULT_THRESHOLD, 1, 2);
    long first = two.add(1, Fixtures.english("2024-05-01T08:00:00Z")).story();
    two.add(2, Fixtures.otherItalian());
    assertEquals(first, two.add(3, Fixtures.italian("2024-05-01T10:00:00Z")).story());
  }

  @Test
  void anAssignmentCarriesTheTermsCountedForIdf() {
    Stories.Assignment a = stories.add(1, Fixtures.english("2024-05-01T08:00:00Z"));
    assertTrue(a.terms().contains("E:qatar airways"), a.terms().toString());
    assertTrue(stories.add(1, Fixtures.english("2024-05-01T08:00:00Z")).terms().isEmpty());
  }

  /**
   * A story of 60 articles, each naming the same twelve persons and fourteen of its own: its centroid grows past
   * twice {@link Stories#CENTROID_TERMS} and is pruned, more than once. After each article, the saved story's maps
   * iterate in key order, and its stored centroid is the JSON that Jackson gives when it sorts the maps itself (how
   * it was written before the open story kept its terms in order).
   */
  @Test
  void aSavedStorysCentroidIsInKeyOrderAsItGrowsAndIsPruned() throws Exception {
    var sorting = StoredJson.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    long story = -1;
    int prunings = 0;
    int size = 0;
    for (int i = 0; i < 60; i++) {
      StringBuilder body = new StringBuilder("Il consiglio comunale si è riunito di nuovo.");
      List<String> names = new ArrayList<>();
      for (int k = 0; k < 26; k++) {
        String name = k < 12 ? "Consigliere" + (char) ('A' + k) : "Ospite" + i + "x" + k;
        body.append(" Ha parlato ").append(name).append('.');
        names.add(name + "=" + name + "/PER");
      }
      Analysis a = Texts.analysis("consiglio.example/" + i, "Cronaca del Consiglio", "it",
          String.format("2024-05-01T%02d:00:00Z", i % 24), "Il consiglio, seduta " + i, body.toString(),
          names.toArray(String[]::new));
      long s = stories.add(i + 1, a).story();
      size = s == story ? size : 0;
      story = s;
      Stories.Saved saved = stories.saved(story).orElseThrow();
      assertEquals(saved.centroid().keySet().stream().sorted().toList(), List.copyOf(saved.centroid().keySet()));
      assertEquals(saved.names().keySet().stream().sorted().toList(), List.copyOf(saved.names().keySet()));
      assertEquals(sorting.writeValueAsString(Map.of("terms", new HashMap<>(saved.centroid()),
          "names", new HashMap<>(saved.names()))), SqlStoryStore.centroid(saved));
      prunings += saved.centroid().size() < size ? 1 : 0;
      size = saved.centroid().size();
    }
    assertTrue(prunings > 1, "the centroid was pruned " + prunings + " times");
  }

  /**
   * The stories scored for an article are those a sort of all the stories sharing its key terms gives first (most
   * shared terms, then the lower id), in that order: 3,000 stories, most of them sharing one or two terms (ties), in a
   * hash map's order.
   */
  @Test
  void theLeadingStoriesAreThoseASortOfAllGivesFirst() {
    java.util.Random random = new java.util.Random(18);
    Map<Long, Integer> shared = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      shared.put(1 + (long) random.nextInt(1_000_000), random.nextInt(10) < 8 ? 1 + random.nextInt(2) : 1 + random.nextInt(9));
    }
    List<Map.Entry<Long, Integer>> all = new ArrayList<>(shared.entrySet());
    all.sort(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (int n : List.of(1, 40, 2999, 3000, 5000)) {
      assertEquals(all.subList(0, Math.min(n, all.size())), Stories.leading(shared, n), "n = " + n);
    }
    assertEquals(List.of(), Stories.leading(Map.of(), 40));
  }
}
