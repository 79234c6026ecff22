package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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
  void otherNewsStartsAStoryOfItsOwn() {
    long first = stories.add(1, Fixtures.english("2024-05-01T08:00:00Z")).story();
    Stories.Assignment other = stories.add(2, Fixtures.otherItalian());
    assertTrue(other.created());
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
}
