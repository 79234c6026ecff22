package org.lente.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.index.LuceneIndex;
import org.lente.knowledge.KnowledgeBase;
import org.lente.store.Page;
import org.lente.store.SqliteStore;
import org.lente.store.StoredArticle;

/** Stories and lineage as the reader reads them, over a real SQLite file and Lucene index. */
class StoryReaderTest {

  @TempDir
  Path dir;

  private KnowledgeBase kb;
  private StoryReader reader;
  private long it;
  private long en;
  private long copy;

  @BeforeEach
  void open() throws IOException {
    SqliteStore store = SqliteStore.open(dir);
    SqliteStoryStore stories = SqliteStoryStore.open(dir);
    Lineage lineage = new Lineage(stories, id -> store.get(id).map(StoredArticle::analysis),
        new Stories(Stories.DEFAULT_WINDOW, Stories.DEFAULT_THRESHOLD, stories.lastStoryId() + 1));
    kb = new KnowledgeBase(store, LuceneIndex.open(dir.resolve("index")), null, lineage);
    reader = new StoryReader(stories, kb.reader());
    it = kb.add("it", Newswire.italian("Stellantis, 850 milioni per Mirafiori")).id();
    en = kb.add("en", Newswire.english("Stellantis to invest 850 million euros in Mirafiori")).id();
    copy = kb.add("copy", Newswire.copy("Mirafiori, arrivano 900 milioni")).id();
  }

  @AfterEach
  void close() throws IOException {
    kb.close();
  }

  @Test
  void theEnglishVersionIsATranslationOfTheItalianOriginal() throws IOException {
    Related r = reader.related(en).stream().filter(x -> x.link().related() == it).findFirst().orElseThrow();
    assertEquals(Link.Relation.TRANSLATION, r.link().relation());
    assertEquals(Direction.ORIGINAL, r.link().direction(), r.link().evidence().toString());
    assertEquals("Stellantis, 850 milioni per Mirafiori", r.article().title());
  }

  @Test
  void theEditedCopyShowsItsChangedNumber() throws IOException {
    Related r = reader.related(copy).stream().filter(x -> x.link().related() == it).findFirst().orElseThrow();
    assertEquals(Link.Relation.NEAR_DUPLICATE, r.link().relation());
    assertTrue(r.link().evidence().stream().anyMatch(e -> e.kind().equals("changed-number")),
        r.link().evidence().toString());
  }

  @Test
  void relatedArticlesComeBestFirst() throws IOException {
    List<Related> related = reader.related(it);
    assertEquals(2, related.size(), related.toString());
    assertTrue(related.get(0).link().score() >= related.get(1).link().score());
  }

  @Test
  void theThreeArticlesMakeOneStoryWithItsSpanLanguagesAndEntities() throws IOException {
    long id = reader.storyOf(it).orElseThrow();
    assertEquals(id, reader.storyOf(en).orElseThrow());
    StoryView v = reader.story(id).orElseThrow();
    assertEquals(List.of(it, en, copy), v.articles().stream().map(a -> a.id()).toList());
    assertTrue(v.story().languages().containsAll(List.of("it", "en")), v.story().languages().toString());
    assertEquals(3L, v.articlesPerDay().get("2024-04-09"));
    assertTrue(v.keyEntities().stream().anyMatch(e -> e.name().equals("Stellantis") && e.id() != null),
        v.keyEntities().toString());
  }

  @Test
  void theLatestStoriesPageByCursorAndFilterByLanguage() throws IOException {
    kb.add("other", Fixtures.otherItalian());
    Page<Story> first = reader.stories(null, 1, null, 1);
    assertEquals(1, first.items().size());
    Page<Story> second = reader.stories(null, 1, first.next(), 1);
    assertEquals(1, second.items().size());
    assertFalse(first.items().get(0).id() == second.items().get(0).id());
    assertEquals(1, reader.stories("en", 1, null, 10).items().size());
    assertEquals(1, reader.stories(null, 2, null, 10).items().size());
  }

  @Test
  void aBadCursorIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> reader.stories(null, 1, "!!", 10));
  }
}
